/**
 * One client workbook turned into the rows the store keeps: every log row (valid or not) with its sheet, sheet row,
 * a content hash (to tell new, edited and removed rows apart on the next collect) and its error codes. Valid rows
 * carry the canonical values core validation produced; rows with errors carry the cells as typed (as text), so the
 * agency sees them but no figure counts them. Runs on a worker thread, so everything here is plain data.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { serialToIso } from '../../core/dates';
import { INPUT_KEYS, type InputKey, type LogEntry } from '../../core/schema';
import { readLog, UnreadableFileError, type UnreadableReason } from '../readLog';
import { validateLog } from '../validateLog';

export interface StoredRow {
  sheet: string;
  sheetRow: number;
  hash: string;
  /** Error codes, comma-separated; '' for a valid row. */
  problems: string;
  /** Input values in INPUT_KEYS order: text, a number for 数量/成交金额, or null. */
  values: (string | number | null)[];
}

export interface WorkbookRows {
  file: string;
  sha256: string;
  /** The identity stamp's client, else the file name without extension. */
  client: string;
  rows: StoredRow[];
}

export type WorkbookResult = { ok: true; workbook: WorkbookRows } | { ok: false; file: string; reason: UnreadableReason; detail: string };

const NUMERIC: ReadonlySet<InputKey> = new Set<InputKey>(['quantity', 'amount']);
const DATES: ReadonlySet<InputKey> = new Set<InputKey>(['date', 'nextFollowUp']);

export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

function rawValue(key: InputKey, cell: unknown): string | number | null {
  if (cell === null || cell === undefined || cell === '') return null;
  if (NUMERIC.has(key)) return typeof cell === 'number' ? cell : null;
  if (DATES.has(key) && typeof cell === 'number') return serialToIso(cell);
  return String(cell);
}

function entryValues(e: LogEntry): (string | number | null)[] {
  return INPUT_KEYS.map((k) => e[k]);
}

export async function workbookRows(file: string, today: string): Promise<WorkbookResult> {
  try {
    const sha256 = await fileSha256(file).catch(() => {
      throw new UnreadableFileError(file, fs.existsSync(file) ? 'unreadable' : 'notFound');
    });
    const log = await readLog(file);
    const problems = new Map<string, Set<string>>();
    const checked = validateLog(log, {
      lang: 'zh-CN',
      today,
      warnings: false,
      onProblem: (p) => {
        if (p.severity !== 'error' || p.row === null || p.sheet === null) return;
        const k = `${p.sheet}\u0000${p.row}`;
        let codes = problems.get(k);
        if (!codes) problems.set(k, (codes = new Set()));
        // The kind of error: its code and column ("required:amount"), shown as 「成交金额」必填 in reports.
        codes.add(`${p.code}:${p.column ?? ''}`);
      },
    });
    // validateLog keeps the entries of valid rows in sheet order: walk both lists together.
    const rows: StoredRow[] = [];
    let next = 0;
    for (const sheet of log.sheets) {
      for (const raw of sheet.rows) {
        const cells = INPUT_KEYS.map((k) => (sheet.positions[k] === undefined ? null : raw.cells[sheet.positions[k]!] ?? null));
        const hash = createHash('sha1').update(JSON.stringify(cells)).digest('base64');
        const codes = problems.get(`${sheet.name}\u0000${raw.sheetRow}`);
        let values: (string | number | null)[];
        if (!codes && next < checked.entries.length && checked.entryRows[next] === raw.sheetRow) {
          values = entryValues(checked.entries[next++]);
        } else {
          values = INPUT_KEYS.map((k, i) => rawValue(k, cells[i]));
        }
        rows.push({ sheet: sheet.name, sheetRow: raw.sheetRow, hash, problems: codes ? [...codes].sort().join(',') : '', values });
      }
    }
    const client = log.identity?.client ?? path.basename(file).replace(/\.xlsx$/i, '');
    return { ok: true, workbook: { file, sha256, client, rows } };
  } catch (e) {
    if (e instanceof UnreadableFileError) return { ok: false, file, reason: e.reason, detail: e.detail };
    return { ok: false, file, reason: 'damaged', detail: '' };
  }
}
