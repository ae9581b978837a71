/**
 * Read the inquiry log out of an .xlsx file with the kit's streaming reader (./xlsx). The log is found by headers,
 * never by position: every sheet whose header row holds at least MIN_HEADERS schema headers is a log sheet, and a
 * sheet named like the log (询盘统计…) also counts with fewer. All log sheets are read (monthly sheets 一月, 二月 …),
 * each row keeping its sheet; sheets whose columns differ are refused rather than half-read. A schema column that
 * appears twice in a header row is refused too: which of the two a value belongs to cannot be known.
 * Cells come back the way Office.js `Range.values` gives them to the add-in, so core validation sees the same input
 * from both hosts. The 字典 sheet's lists (an agency's own products and agents) are read too.
 */
import * as fs from 'fs';
import {
  DICT_SHEET, INPUT_KEYS, LISTS, LIST_KEYS, LOG_SHEET, META_KEYS, keyForHeader, mapHeaders, normalizeHeader,
  type ColumnKey, type InputKey, type ListKey, type ListValues, type TemplateIdentity,
} from '../core/schema';
import { openWorkbook, XlsxError, type CellValue, type SheetRow, type WorkbookSheet, type XlsxProblem, type XlsxWorkbook } from './xlsx';

export type { CellValue } from './xlsx';

/** A sheet counts as a log when its header row maps at least this many schema columns. */
export const MIN_HEADERS = 6;
/** The header row is looked for in the first rows of a sheet (titles, notes and blank rows above it are common). */
export const HEADER_SEARCH_ROWS = 50;

export interface RawLogRow {
  /** 1-based sheet row number, for messages. */
  sheetRow: number;
  /** Cells in sheet column order (0-based), as in the header row. */
  cells: CellValue[];
}

export interface LogSheet {
  name: string;
  headerRow: number;
  headers: string[];
  positions: Partial<Record<ColumnKey, number>>;
  missing: ColumnKey[];
  /** Data rows that hold at least one input value (blank rows, e.g. the template's empty row, are left out). */
  rows: RawLogRow[];
}

export interface LogRead {
  file: string;
  /** Every sheet holding the log, in workbook order; they all have the same columns. */
  sheets: LogSheet[];
  /** Lists found on 字典 (null when the workbook has none: callers fall back to the defaults). */
  lists: ListValues | null;
  templateVersion: number | null;
  /** The identity stamp on 字典 (null when the workbook has no 字典 sheet). */
  identity: TemplateIdentity | null;
}

export type UnreadableReason = 'notFound' | 'unreadable' | 'noLog' | 'ambiguousSheets' | 'duplicateColumns' | XlsxProblem;

/** Why a file could not be read; the CLI turns it into a one-line message and exit code 2. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: UnreadableReason,
    /** Facts from the file for the message: a part name, sheet names, duplicated columns. Never an error's text. */
    readonly detail = '',
  ) {
    super(`${reason}: ${file}${detail ? ` (${detail})` : ''}`);
  }
}

export interface ReadOptions {
  /** Called every `progressEvery` data rows with the rows read so far. */
  onProgress?: (rows: number) => void;
  progressEvery?: number;
}

export function logRowCount(log: LogRead): number {
  let n = 0;
  for (const s of log.sheets) n += s.rows.length;
  return n;
}

/** The sheet of the log proper, or one named like it (询盘统计（二月）, 询盘统计2026). */
function namedLikeLog(name: string): boolean {
  return normalizeHeader(name).includes(LOG_SHEET);
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function mappedInputs(cells: readonly CellValue[]): number {
  const { positions } = mapHeaders(cells);
  return INPUT_KEYS.filter((k) => positions[k] !== undefined).length;
}

const listByHeader = new Map<string, ListKey>();
for (const k of LIST_KEYS) {
  listByHeader.set(normalizeHeader(LISTS[k].zh), k);
  listByHeader.set(normalizeHeader(LISTS[k].en), k);
}

async function checkReadable(file: string): Promise<void> {
  try {
    const stat = await fs.promises.stat(file);
    if (stat.isDirectory()) throw new UnreadableFileError(file, 'unreadable');
    await fs.promises.access(file, fs.constants.R_OK);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(file, code === 'ENOENT' ? 'notFound' : 'unreadable');
  }
}

/** "A", "B" … "AA": the column letter users see, for messages about the header row. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Schema columns present more than once in a header row: "客户ID (C, H)". */
function duplicatedColumns(headers: readonly string[]): string[] {
  const at = new Map<ColumnKey, number[]>();
  headers.forEach((h, i) => {
    const key = keyForHeader(h);
    if (key) at.set(key, [...(at.get(key) ?? []), i]);
  });
  return [...at.values()].filter((p) => p.length > 1).map((p) => `${headers[p[0]].trim()} (${p.map(columnLetter).join(', ')})`);
}

/**
 * One sheet's log, streamed: the header row is the first of the first HEADER_SEARCH_ROWS rows mapping at least
 * MIN_HEADERS schema columns; in a sheet named like the log, failing that, the row mapping the most. Returns null
 * (after reading no further than the search window) when the sheet holds no log.
 */
async function scanSheet(wb: XlsxWorkbook, sheet: WorkbookSheet, onDataRow: () => void): Promise<LogSheet | null> {
  const named = namedLikeLog(sheet.name);
  const window: SheetRow[] = [];
  let header: SheetRow | null = null;
  const rows: RawLogRow[] = [];

  const settleFromWindow = (): boolean => {
    if (!named) return false;
    let best: SheetRow | null = null;
    let bestMapped = 0;
    for (const r of window) {
      const m = mappedInputs(r.cells);
      if (m > bestMapped) [best, bestMapped] = [r, m];
    }
    if (!best) return false;
    header = best;
    for (const r of window) if (r.number > best.number) rows.push({ sheetRow: r.number, cells: r.cells });
    return true;
  };

  let searching = true;
  await wb.readRows(sheet, (row) => {
    if (searching) {
      if (row.number <= HEADER_SEARCH_ROWS) {
        if (mappedInputs(row.cells) >= MIN_HEADERS) {
          header = row;
          searching = false;
          return true;
        }
        window.push(row);
        return true;
      }
      searching = false;
      if (!settleFromWindow()) return false;
    }
    rows.push({ sheetRow: row.number, cells: row.cells });
    onDataRow();
    return true;
  });
  if (searching && !settleFromWindow()) return null;
  const found = header as SheetRow | null;
  if (!found) return null;

  const headers = found.cells.map((c) => (c === null ? '' : String(c)));
  const { positions, missing } = mapHeaders(headers);
  const inputPositions = INPUT_KEYS.map((k) => positions[k]).filter((p): p is number => p !== undefined);
  const kept = rows.filter((r) => inputPositions.some((p) => !isBlank(r.cells[p])));
  return { name: sheet.name, headerRow: found.number, headers, positions, missing, rows: kept };
}

function inputSignature(sheet: LogSheet): string {
  return INPUT_KEYS.filter((k: InputKey) => sheet.positions[k] !== undefined).join(',');
}

export async function readLog(file: string, options: ReadOptions = {}): Promise<LogRead> {
  await checkReadable(file);
  const every = options.progressEvery ?? 10_000;
  let dataRows = 0;
  const onDataRow = () => {
    dataRows++;
    if (options.onProgress && dataRows % every === 0) options.onProgress(dataRows);
  };

  let wb: XlsxWorkbook;
  try {
    wb = await openWorkbook(file);
  } catch (e) {
    throw asUnreadable(file, e);
  }
  const sheets: LogSheet[] = [];
  let lists: ListValues | null = null;
  let identity: TemplateIdentity | null = null;
  try {
    for (const sheet of wb.sheets) {
      if (sheet.name === DICT_SHEET) {
        const dict = await readDictSheet(wb, sheet);
        lists = dict.lists;
        identity = dict.identity;
        continue;
      }
      const log = await scanSheet(wb, sheet, onDataRow);
      if (!log) continue;
      const duplicated = duplicatedColumns(log.headers);
      if (duplicated.length > 0) {
        throw new UnreadableFileError(file, 'duplicateColumns', `${sheet.name}: ${duplicated.join(', ')}`);
      }
      sheets.push(log);
    }
  } catch (e) {
    throw asUnreadable(file, e);
  } finally {
    wb.close();
  }

  if (sheets.length === 0) throw new UnreadableFileError(file, 'noLog');
  if (new Set(sheets.map(inputSignature)).size > 1) {
    throw new UnreadableFileError(file, 'ambiguousSheets', sheets.map((s) => s.name).join(', '));
  }
  return { file, sheets, lists, templateVersion: identity?.version ?? null, identity };
}

/** Reader failures become a kind of unreadable file; anything unforeseen is "damaged", never a JS error's text. */
function asUnreadable(file: string, e: unknown): UnreadableFileError {
  if (e instanceof UnreadableFileError) return e;
  if (e instanceof XlsxError) return new UnreadableFileError(file, e.problem, e.part);
  return new UnreadableFileError(file, 'damaged');
}

async function readDictSheet(wb: XlsxWorkbook, sheet: WorkbookSheet): Promise<{ lists: ListValues | null; identity: TemplateIdentity }> {
  const columns = new Map<number, ListKey>();
  const found: Partial<ListValues> = {};
  const identity: TemplateIdentity = { templateId: null, version: null, agency: null, client: null };
  await wb.readRows(sheet, ({ number, cells }) => {
    if (number === 1) {
      cells.forEach((c, i) => {
        const key = c === null ? undefined : listByHeader.get(normalizeHeader(String(c)));
        if (key && !columns.has(i) && !found[key]) {
          columns.set(i, key);
          found[key] = [];
        }
      });
      return;
    }
    for (const [i, key] of columns) {
      const v = cells[i];
      if (!isBlank(v)) found[key]!.push(String(v).trim());
    }
    // Meta table: each identity key followed by its value.
    cells.forEach((c, i) => {
      const value = cells[i + 1];
      if (c === META_KEYS.version && typeof value === 'number') identity.version = value;
      else if ((c === META_KEYS.templateId || c === META_KEYS.agency || c === META_KEYS.client) && !isBlank(value)) {
        identity[c] = String(value).trim();
      }
    });
  });
  if (columns.size === 0) return { lists: null, identity };
  const lists = {} as ListValues;
  for (const k of LIST_KEYS) lists[k] = found[k] && found[k]!.length > 0 ? found[k]! : LISTS[k].items.map((i) => i.value);
  return { lists, identity };
}
