/**
 * `shop-stats import EXPORT… --into WORKBOOK.xlsx | --store FILE [--client NAME]`: read platform exports (生意参谋
 * traffic/product, 千牛/赤兔 agent performance; .xls, .xlsx, UTF-8 or GBK .csv), recognise each by its headers, and
 * merge them into the workbook's 平台数据 tables (then rebuild its 漏斗 sheet) or into a client's platform tables in
 * the agency store (all files in one transaction). Either way a newer export for the same days replaces those days
 * and the same file twice changes nothing. Every file is read before anything is written: one bad file → one line,
 * exit 2, no change.
 */
import * as fs from 'fs';
import * as path from 'path';
import { t } from '../../core/i18n';
import { cli } from '../../core/i18n/cli';
import { platform as P } from '../../core/i18n/platform';
import { PLATFORM_TABLES } from '../../core/platform/columns';
import { mergePlatformRows } from '../../core/platform/merge';
import { PlatformImportError, type ParsedExport } from '../../core/platform/parse';
import { readExport } from '../../core/platform/readExport';
import type { Lang } from '../../core/schema';
import { store as storeText } from '../../core/i18n/store';
import type { Io } from '../io';
import { openPlatformWorkbook, savePlatformWorkbook } from '../platformWorkbook';
import { UnreadableFileError } from '../readLog';
import { mergeIntoStore, platformClients } from '../store/platformRows';
import type { Store } from '../store/store';
import { sniffFile } from '../xlsx/sniff';
import { EXIT_OK, EXIT_UNREADABLE, unreadableMessage, writeFileOrFail } from './output';
import { openStoreOrFail } from './storeOutput';

export interface ImportOptions {
  lang: Lang;
  /** Exactly one of into / store. */
  into?: string;
  store?: string;
  /** With store: the client the rows belong to (optional when the store holds one client). */
  client?: string;
  /** Test hook (store only): runs inside the transaction after every file is written, before commit. */
  beforeCommit?: () => void;
  /** The day of an export without a date column. */
  date?: string;
}

export async function runImport(files: readonly string[], options: ImportOptions, io: Io): Promise<number> {
  const { lang, into, store } = options;
  if ((into === undefined) === (store === undefined)) {
    io.err(t(P.importTarget, lang));
    return EXIT_UNREADABLE;
  }
  if (options.client !== undefined && store === undefined) {
    io.err(t(P.importClientWithoutStore, lang));
    return EXIT_UNREADABLE;
  }
  const parsed = readExports(files, options, io);
  if (parsed === null) return EXIT_UNREADABLE;
  return store !== undefined ? importIntoStore(files, parsed, store, options, io) : importIntoWorkbook(files, parsed, into!, lang, io);
}

/** Every export parsed, or null after one line about the first that cannot be. */
function readExports(files: readonly string[], options: ImportOptions, io: Io): ParsedExport[] | null {
  const { lang } = options;
  const parsed: ParsedExport[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      io.err(t(cli.errorNotFound, lang, { file }));
      return null;
    }
    try {
      parsed.push(readExport(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { file, date: options.date }));
    } catch (e) {
      if (!(e instanceof PlatformImportError)) throw e;
      io.err(t(e.text, lang));
      return null;
    }
  }
  return parsed;
}

function parsedLine(file: string, p: ParsedExport, lang: Lang): string {
  return t(P.parsed, lang, {
    file, kind: t(p.kind === 'traffic' ? P.kindTraffic : P.kindAgents, lang), rows: p.rows.length, from: p.dates[0], to: p.dates.at(-1)!, summary: p.summaryRows,
  });
}

async function importIntoWorkbook(files: readonly string[], parsed: readonly ParsedExport[], into: string, lang: Lang, io: Io): Promise<number> {
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
    io.out(parsedLine(files[i], p, lang));
    const merged = mergePlatformRows(p.kind, pw.rows[p.kind], p.rows);
    pw.rows[p.kind] = merged.rows;
    io.out(t(P.imported, lang, { table: PLATFORM_TABLES[p.kind].table, ...merged, rows: merged.rows.length }));
  }
  const code = await writeFileOrFail(into, lang, io, () => savePlatformWorkbook(pw, into));
  return code === EXIT_OK ? EXIT_OK : code;
}

/** The client named by --client (it must be in the store), else the store's only client, else null after one line. */
async function chooseClient(db: Store, storeFile: string, client: string | undefined, lang: Lang, io: Io): Promise<string | null> {
  const known = [...new Set([...(await db.clients()), ...(await platformClients(db))])].sort();
  if (client !== undefined) {
    if (known.includes(client)) return client;
    io.err(t(storeText.errorNoClient, lang, { client }));
    return null;
  }
  if (known.length === 1) return known[0];
  io.err(t(P.importClientRequired, lang, { store: storeFile, count: known.length, clients: known.join(lang === 'en-US' ? ', ' : '、') }));
  return null;
}

async function importIntoStore(files: readonly string[], parsed: readonly ParsedExport[], storeFile: string, options: ImportOptions, io: Io): Promise<number> {
  const { lang } = options;
  const db = await openStoreOrFail(storeFile, lang, io, false);
  if (!db) return EXIT_UNREADABLE;
  try {
    const client = await chooseClient(db, storeFile, options.client, lang, io);
    if (client === null) return EXIT_UNREADABLE;
    const now = new Date();
    const lines: string[] = [];
    // One transaction for every file: a failure part-way leaves the store as it was.
    await db.db.run('BEGIN TRANSACTION');
    try {
      for (const [i, p] of parsed.entries()) {
        lines.push(parsedLine(files[i], p, lang));
        const merged = await mergeIntoStore(db, p.kind, client, p.rows, path.basename(files[i]), now);
        lines.push(t(P.imported, lang, { table: PLATFORM_TABLES[p.kind].table, ...merged, rows: merged.rows.length }));
      }
      options.beforeCommit?.();
      await db.db.run('COMMIT');
    } catch (e) {
      await db.db.run('ROLLBACK');
      throw e;
    }
    lines.forEach((l) => io.out(l));
    io.out(t(P.importedStore, lang, { store: storeFile, client }));
    return EXIT_OK;
  } finally {
    db.close();
  }
}
