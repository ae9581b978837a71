/**
 * Read the inquiry log out of an .xlsx file with exceljs' streaming reader (100k-row files stay light on memory).
 * The log is found by headers, never by position: the sheet named 询盘统计, or any sheet whose header row holds at
 * least MIN_HEADERS schema headers. Cells come back the way Office.js `Range.values` gives them to the add-in
 * (dates as serial numbers, formula cells as their result, rich text as plain text), so core validation sees the
 * same input from both hosts. The 字典 sheet's lists (an agency's own products and agents) are read too.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { isoToSerial } from '../core/dates';
import {
  DICT_SHEET, INPUT_KEYS, LISTS, LIST_KEYS, LOG_SHEET, META_KEYS, mapHeaders, normalizeHeader,
  type ColumnKey, type ListKey, type ListValues,
} from '../core/schema';
import './template/tableColumnFormula';

/** A sheet counts as a log when its header row maps at least this many schema columns. */
export const MIN_HEADERS = 6;
/** The header row is looked for in the first rows of a sheet (a title row above it is common). */
const HEADER_SEARCH_ROWS = 5;

export type CellValue = string | number | boolean | null;

export interface RawLogRow {
  /** 1-based sheet row number, for messages. */
  sheetRow: number;
  /** Cells in sheet column order (0-based), as in the header row. */
  cells: CellValue[];
}

export interface LogRead {
  file: string;
  sheetName: string;
  headerRow: number;
  headers: string[];
  positions: Partial<Record<ColumnKey, number>>;
  missing: ColumnKey[];
  /** Data rows that hold at least one input value (blank rows, e.g. the template's empty row, are left out). */
  rows: RawLogRow[];
  /** Lists found on 字典 (null when the workbook has none: callers fall back to the defaults). */
  lists: ListValues | null;
  templateVersion: number | null;
}

/** Why a file could not be read; the CLI turns it into a one-line message and exit code 2. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'notFound' | 'notXlsx' | 'noLog',
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

/** exceljs cell value → the plain value Office.js would return. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if ('error' in v) return String(v.error);
    if ('text' in v) return plainValue(v.text);
  }
  return String(value);
}

/** exceljs turns date-formatted cells into UTC-midnight Dates; keep the fraction for times. */
function dateToSerial(d: Date): number {
  const iso = d.toISOString();
  const dayMs = d.getTime() - Date.parse(iso.slice(0, 10));
  return isoToSerial(iso.slice(0, 10)) + dayMs / 86_400_000;
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

interface SheetScan {
  name: string;
  headerRow: number;
  headers: string[];
  mapped: number;
  rows: RawLogRow[];
}

const listByHeader = new Map<string, ListKey>();
for (const k of LIST_KEYS) {
  listByHeader.set(normalizeHeader(LISTS[k].zh), k);
  listByHeader.set(normalizeHeader(LISTS[k].en), k);
}

async function checkReadable(file: string): Promise<void> {
  let fd: fs.promises.FileHandle;
  try {
    fd = await fs.promises.open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableFileError(file, 'notFound');
    throw new UnreadableFileError(file, 'notXlsx', code ?? String(e));
  }
  try {
    const stat = await fd.stat();
    if (stat.isDirectory()) throw new UnreadableFileError(file, 'notXlsx', 'directory');
    const head = Buffer.alloc(4);
    await fd.read(head, 0, 4, 0);
    // Every .xlsx is a zip archive: local file header "PK\x03\x04".
    if (head.readUInt32LE(0) !== 0x04034b50) throw new UnreadableFileError(file, 'notXlsx', 'not a zip archive');
  } finally {
    await fd.close();
  }
}

export async function readLog(file: string, options: ReadOptions = {}): Promise<LogRead> {
  await checkReadable(file);
  const every = options.progressEvery ?? 10_000;
  const scans: SheetScan[] = [];
  let lists: ListValues | null = null;
  let templateVersion: number | null = null;
  let dataRows = 0;

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      if (name === DICT_SHEET) {
        const dict = await readDictSheet(sheet);
        lists = dict.lists;
        templateVersion = dict.version;
        continue;
      }
      const scan: SheetScan = { name, headerRow: 0, headers: [], mapped: 0, rows: [] };
      for await (const row of sheet) {
        const cells = rowCells(row.values as unknown[]);
        if (scan.headerRow === 0) {
          // Not a log sheet: keep draining it (leaving a streamed sheet early breaks the workbook iteration).
          if (row.number > HEADER_SEARCH_ROWS) continue;
          const mapped = INPUT_KEYS.filter((k) => mapHeaders(cells).positions[k] !== undefined).length;
          if (mapped >= MIN_HEADERS || (name === LOG_SHEET && mapped > 0)) {
            scan.headerRow = row.number;
            scan.headers = cells.map((c) => (c === null ? '' : String(c)));
            scan.mapped = mapped;
          }
          continue;
        }
        scan.rows.push({ sheetRow: row.number, cells });
        dataRows++;
        if (options.onProgress && dataRows % every === 0) options.onProgress(dataRows);
      }
      if (scan.headerRow > 0) scans.push(scan);
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(file, 'notXlsx', e instanceof Error ? e.message.split('\n')[0] : String(e));
  }

  const log = scans.find((s) => s.name === LOG_SHEET) ?? scans.sort((a, b) => b.mapped - a.mapped)[0];
  if (!log) throw new UnreadableFileError(file, 'noLog');
  const { positions, missing } = mapHeaders(log.headers);
  const inputPositions = INPUT_KEYS.map((k) => positions[k]).filter((p): p is number => p !== undefined);
  const rows = log.rows.filter((r) => inputPositions.some((p) => !isBlank(r.cells[p] ?? null)));
  return { file, sheetName: log.name, headerRow: log.headerRow, headers: log.headers, positions, missing, rows, lists, templateVersion };
}

/** exceljs row.values is 1-based and sparse; make it a dense 0-based array of plain values. */
function rowCells(values: unknown[]): CellValue[] {
  const out: CellValue[] = [];
  for (let i = 1; i < values.length; i++) out.push(plainValue(values[i]));
  return out;
}

async function readDictSheet(sheet: AsyncIterable<ExcelJS.Row>): Promise<{ lists: ListValues | null; version: number | null }> {
  const columns = new Map<number, ListKey>();
  const found: Partial<ListValues> = {};
  let version: number | null = null;
  for await (const row of sheet) {
    const cells = rowCells(row.values as unknown[]);
    if (row.number === 1) {
      cells.forEach((c, i) => {
        const key = c === null ? undefined : listByHeader.get(normalizeHeader(String(c)));
        if (key && !columns.has(i) && !found[key]) {
          columns.set(i, key);
          found[key] = [];
        }
      });
      continue;
    }
    for (const [i, key] of columns) {
      const v = cells[i];
      if (!isBlank(v ?? null)) found[key]!.push(String(v).trim());
    }
    // Meta table: a "version" key followed by its value.
    cells.forEach((c, i) => {
      if (c === META_KEYS.version && typeof cells[i + 1] === 'number') version = cells[i + 1] as number;
    });
  }
  if (columns.size === 0) return { lists: null, version };
  const lists = {} as ListValues;
  for (const k of LIST_KEYS) lists[k] = found[k] && found[k]!.length > 0 ? found[k]! : LISTS[k].items.map((i) => i.value);
  return { lists, version };
}
