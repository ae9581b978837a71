/**
 * `shop-stats export --store FILE --format parquet|csv|xlsx --out FILE`: every stored row. Parquet and CSV are
 * written by DuckDB's COPY (streamed by the engine); xlsx by excelts' streaming writer, refused beyond the rows one
 * Excel sheet holds, with a hint to use parquet or csv. (exceljs 4.4's streaming writer keeps a sheet's whole XML in
 * memory until the end: 1,000,000 rows peaked at 1.3 GB here, excelts' at 0.55 GB, DuckDB's sort included.)
 */
import { WorkbookWriter } from '@cj-tech-master/excelts';
import { t } from '../../core/i18n';
import { store as text } from '../../core/i18n/store';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { EXIT_OK, EXIT_UNREADABLE, outputBlocked, writeFileOrFail } from './output';
import { openStoreOrFail } from './storeOutput';

/** Rows of an Excel worksheet (specification and limits), one of them the header. */
export const EXCEL_MAX_ROWS = 1_048_576;
const FORMATS = ['parquet', 'csv', 'xlsx'] as const;

export interface ExportOptions {
  lang: Lang;
  store: string;
  format: string;
  out: string;
  force?: boolean;
}

const SELECT = 'SELECT * EXCLUDE (row_hash) FROM log_rows ORDER BY client, workbook, sheet, sheet_row';

/** Store values as Excel cells: numbers and text as they are, timestamps and other types as their text. */
function cellValue(v: unknown): string | number | null {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

function quoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export async function runExport(options: ExportOptions, io: Io): Promise<number> {
  const { lang, out } = options;
  const format = options.format.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.err(t(text.errorBadFormat, lang, { value: options.format }));
    return EXIT_UNREADABLE;
  }
  if (outputBlocked(out, Boolean(options.force), lang, io)) return EXIT_UNREADABLE;
  const store = await openStoreOrFail(options.store, lang, io, false);
  if (!store) return EXIT_UNREADABLE;
  try {
    const rows = await store.rowCount();
    if (format === 'xlsx' && rows > EXCEL_MAX_ROWS - 1) {
      io.err(t(text.errorTooManyRows, lang, { rows, max: EXCEL_MAX_ROWS }));
      return EXIT_UNREADABLE;
    }
    return await writeFileOrFail(out, lang, io, async () => {
      if (format === 'xlsx') {
        const wb = new WorkbookWriter({ filename: out, useSharedStrings: false, useStyles: false });
        const ws = wb.addWorksheet('log_rows');
        // One chunk (about 2,048 rows) at a time: memory stays flat however many rows the store holds.
        const result = await store.db.stream(SELECT);
        ws.addRow(result.columnNames()).commit();
        for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          for (const r of chunk.getRows()) ws.addRow(r.map(cellValue)).commit();
          // Give the writer its turn to compress and write the rows out before the next chunk.
          await new Promise((resolve) => setImmediate(resolve));
        }
        ws.commit();
        await wb.commit();
      } else {
        await store.db.run(`COPY (${SELECT}) TO ${quoted(out)} (FORMAT ${format === 'csv' ? 'CSV, HEADER true' : 'PARQUET'})`);
      }
      io.out(t(text.exported, lang, { rows, file: out }));
    });
  } finally {
    store.close();
  }
}
