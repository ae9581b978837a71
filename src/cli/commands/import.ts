/**
 * `shop-stats import EXPORT… --into WORKBOOK.xlsx`: read platform exports (生意参谋 traffic/product, 千牛/赤兔 agent
 * performance; .xls, .xlsx, UTF-8 or GBK .csv), recognise each by its headers, and merge them into the workbook's
 * 平台数据 tables (a newer export for the same days replaces those days; the same file twice changes nothing), then
 * rebuild its 漏斗 sheet. Every file is read before anything is written: one bad file → one line, exit 2, no change.
 */
import * as fs from 'fs';
import { t } from '../../core/i18n';
import { cli } from '../../core/i18n/cli';
import { platform as P } from '../../core/i18n/platform';
import { PLATFORM_TABLES } from '../../core/platform/columns';
import { mergePlatformRows } from '../../core/platform/merge';
import { PlatformImportError, type ParsedExport } from '../../core/platform/parse';
import { readExport } from '../../core/platform/readExport';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { openPlatformWorkbook, savePlatformWorkbook } from '../platformWorkbook';
import { UnreadableFileError } from '../readLog';
import { sniffFile } from '../xlsx/sniff';
import { EXIT_OK, EXIT_UNREADABLE, unreadableMessage, writeFileOrFail } from './output';

export interface ImportOptions {
  lang: Lang;
  into: string;
  /** The day of an export without a date column. */
  date?: string;
}

export async function runImport(files: readonly string[], options: ImportOptions, io: Io): Promise<number> {
  const { lang, into } = options;
  const parsed: ParsedExport[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      io.err(t(cli.errorNotFound, lang, { file }));
      return EXIT_UNREADABLE;
    }
    try {
      parsed.push(readExport(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { file, date: options.date }));
    } catch (e) {
      if (!(e instanceof PlatformImportError)) throw e;
      io.err(t(e.text, lang));
      return EXIT_UNREADABLE;
    }
  }
  if (!fs.existsSync(into)) {
    io.err(t(cli.errorNotFound, lang, { file: into }));
    return EXIT_UNREADABLE;
  }
  let pw;
  try {
    pw = await openPlatformWorkbook(into, lang);
  } catch {
    // Name the kind of file (an .xls, a password, a renamed CSV…), never the parser's own error text.
    const kind = await sniffFile(into).catch(() => 'unknown' as const);
    io.err(unreadableMessage(new UnreadableFileError(into, kind === 'zip' ? 'damaged' : kind), lang));
    return EXIT_UNREADABLE;
  }
  for (const [i, p] of parsed.entries()) {
    io.out(
      t(P.parsed, lang, {
        file: files[i], kind: t(p.kind === 'traffic' ? P.kindTraffic : P.kindAgents, lang), rows: p.rows.length, from: p.dates[0], to: p.dates.at(-1)!, summary: p.summaryRows,
      }),
    );
    const merged = mergePlatformRows(p.kind, pw.rows[p.kind], p.rows);
    pw.rows[p.kind] = merged.rows;
    io.out(t(P.imported, lang, { table: PLATFORM_TABLES[p.kind].table, ...merged, rows: merged.rows.length }));
  }
  const code = await writeFileOrFail(into, lang, io, () => savePlatformWorkbook(pw, into));
  return code === EXIT_OK ? EXIT_OK : code;
}
