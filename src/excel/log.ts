/**
 * Read the whole log in row chunks sized under Excel on the web's 5 MB response limit. The first round trip reads
 * the header, the body size and the first chunk together; each further chunk is one round trip. Between chunks the
 * caller sees progress and may cancel (AbortSignal → WorkbookError 'cancelled'). Rows heavier than the estimate
 * (long texts in user columns) can still push a chunk over 5 MB: Excel then refuses the response
 * (ResponsePayloadSizeLimitExceeded) and the chunk is halved and read again, down to one row.
 */
import { workbookText } from '../core/i18n/workbook';
import { isBlankRow } from '../core/logCells';
import { LOG_TABLE } from '../core/schema';
import { WorkbookError, type LogSnapshot, type ReadLogOptions } from '../core/workbook';
import { layoutFrom, type LogLayout } from './layout';
import type { RunFn } from './run';

/** Stay well under 5 MB per response. */
export const MAX_CHUNK_BYTES = 2_500_000;
/** Generous bytes per cell in the JSON response (about eight CJK characters — 3 bytes each in UTF-8 — with quoting; measured rows average far less). */
export const BYTES_PER_CELL = 24;
/** Columns assumed for the first chunk, read before the real width is known. */
const ASSUMED_COLUMNS = 32;

export function chunkRowsFor(columns: number, requested?: number): number {
  const safe = Math.max(1, Math.floor(MAX_CHUNK_BYTES / (Math.max(1, columns) * BYTES_PER_CELL)));
  return Math.max(1, Math.min(requested ?? safe, safe));
}

/** Upper bound of a row's size in the JSON response (strings at 3 bytes per character, as CJK text is). */
export function rowBytes(row: readonly unknown[]): number {
  let n = 2;
  for (const v of row) n += typeof v === 'string' ? v.length * 3 + 3 : 16;
  return n;
}

/**
 * Rows per chunk after seeing some data: the column-count bound, tightened when the rows seen are heavier
 * than assumed (long Chinese notes), with 50% headroom over their average size.
 */
export function adaptChunkRows(bound: number, seen: readonly unknown[][]): number {
  if (seen.length === 0) return bound;
  let total = 0;
  for (const r of seen) total += rowBytes(r);
  const perRow = (total / seen.length) * 1.5;
  return Math.max(1, Math.min(bound, Math.floor(MAX_CHUNK_BYTES / perRow)));
}

function cancelled(): WorkbookError {
  return new WorkbookError('cancelled', workbookText.errCancelled, false);
}

/** Run a chunk read of `rows` rows; when the answer is over 5 MB, halve the rows and try again (1 round trip each). */
async function halving<T>(rows: number, read: (rows: number) => Promise<T>): Promise<{ value: T; rows: number; trips: number }> {
  let n = rows;
  for (let trips = 1; ; trips++) {
    try {
      return { value: await read(n), rows: n, trips };
    } catch (e) {
      if (!(e instanceof WorkbookError && e.code === 'tooLarge') || n <= 1) throw e;
      n = Math.max(1, Math.floor(n / 2));
    }
  }
}

export interface ReadLogResult {
  snapshot: LogSnapshot;
  layout: LogLayout;
  /** Round trips used (for the bench's table). */
  chunks: number;
}

/**
 * Each chunk is its own Excel.run, so the time-out applies per round trip (a 100,000-row read is many seconds in
 * total) and an entry submitted meanwhile is not held up behind the whole read.
 */
export async function readLog(run: RunFn, options: ReadLogOptions = {}): Promise<ReadLogResult> {
  if (options.signal?.aborted) throw cancelled();
  const firstGuess = chunkRowsFor(ASSUMED_COLUMNS, options.chunkRows);
  const headRead = await halving(firstGuess, (firstChunk) =>
    run(async (ctx) => {
      const table = ctx.workbook.tables.getItem(LOG_TABLE);
      const sheet = table.worksheet.load('name');
      const header = table.getHeaderRowRange().load('values,rowIndex,columnIndex');
      const body = table.getDataBodyRange().load('rowCount,columnCount');
      const first = table.getDataBodyRange().getRow(0).getResizedRange(firstChunk - 1, 0).load('values');
      await ctx.sync();
      return {
        layout: layoutFrom(sheet.name, header.values as unknown[][], header.rowIndex + 1, header.columnIndex),
        total: body.rowCount,
        columns: body.columnCount,
        first: first.values as unknown[][],
      };
    }),
  );
  const head = headRead.value;

  const { layout, total } = head;
  const bound = chunkRowsFor(head.columns, options.chunkRows);
  const rows: unknown[][] = head.first.slice(0, Math.min(headRead.rows, total));
  let chunk = Math.min(adaptChunkRows(bound, rows), headRead.rows);
  let chunks = headRead.trips;
  options.onProgress?.(rows.length, total);
  while (rows.length < total) {
    if (options.signal?.aborted) throw cancelled();
    const start = rows.length;
    const part = await halving(Math.min(chunk, total - start), (n) =>
      run(async (ctx) => {
        const range = ctx.workbook.tables.getItem(LOG_TABLE).getDataBodyRange().getRow(start).getResizedRange(n - 1, 0).load('values');
        await ctx.sync();
        return range.values as unknown[][];
      }),
    );
    chunks += part.trips;
    for (const r of part.value) rows.push(r);
    // After a halving, stay at the size that worked.
    chunk = part.trips > 1 ? part.rows : adaptChunkRows(bound, part.value);
    options.onProgress?.(rows.length, total);
  }
  if (options.signal?.aborted) throw cancelled();
  // Trailing rows with no input (a fresh template's placeholder row) are not entries.
  let end = rows.length;
  while (end > 0 && isBlankRow(rows[end - 1], layout.positions)) end--;
  rows.length = end;
  return {
    snapshot: { headers: layout.headers, positions: layout.positions, rows, firstSheetRow: layout.bodyRow + 1 },
    layout,
    chunks,
  };
}
