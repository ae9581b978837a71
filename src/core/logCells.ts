/**
 * One log entry as the cells of a table row, and back, shared by the Office.js and in-memory workbooks:
 * dates as Excel serials, numbers as numbers, empty as "", user text guarded against formula parsing.
 */
import { isoToSerial } from './dates';
import { COLUMNS, INPUT_KEYS, type ColumnKey, type InputKey, type LogEntry } from './schema';

export type CellValue = string | number | boolean;

/** The value Excel should hold for an input column of an entry ("" for empty). */
export function entryCell(entry: LogEntry, key: InputKey): string | number {
  const v = entry[key];
  if (v === null || v === undefined || v === '') return '';
  const def = COLUMNS.find((c) => c.key === key)!;
  if (def.type === 'date') return isoToSerial(String(v));
  if (def.type === 'int' || def.type === 'decimal') return Number(v);
  return String(v);
}

/** Text that Excel would read as a formula or swallow a prefix of (= + - @ and a leading apostrophe). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@']/.test(text);
}

/**
 * What to write through `Range.formulas` for a text cell: a leading apostrophe when the text would otherwise be
 * parsed (Excel keeps the apostrophe as a prefix, the cell's value is the text itself). Together with the '@'
 * number format this keeps `=1+1`, `+86…`, `-x`, `@SUM(A1)` literal.
 */
export function textFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

function sameCell(actual: unknown, expected: string | number): boolean {
  if (actual === null || actual === undefined) return expected === '';
  if (typeof expected === 'number') {
    const n = typeof actual === 'number' ? actual : Number(String(actual).trim());
    return actual !== '' && Number.isFinite(n) && Math.abs(n - expected) < 1e-9;
  }
  return String(actual) === expected;
}

/** Whether a table row (cells by header positions) still holds exactly this entry (undo checks it first). */
export function rowMatchesEntry(cells: readonly unknown[], positions: Partial<Record<ColumnKey, number>>, entry: LogEntry): boolean {
  for (const key of INPUT_KEYS) {
    const at = positions[key];
    if (at === undefined) continue;
    if (!sameCell(cells[at], entryCell(entry, key))) return false;
  }
  return true;
}

/** Whether every input cell of a row is blank (a fresh template's placeholder row). */
export function isBlankRow(cells: readonly unknown[], positions: Partial<Record<ColumnKey, number>>): boolean {
  for (const key of INPUT_KEYS) {
    const at = positions[key];
    if (at === undefined) continue;
    const v = cells[at];
    if (v !== null && v !== undefined && v !== '') return false;
  }
  return true;
}

/** Rows at the end of the log that a retried append looks through for its own entry. */
export const RETRY_TAIL_ROWS = 20;

/** Index (in `rows`) of the last row holding exactly this entry, or null. */
export function lastMatchingRow(rows: readonly (readonly unknown[])[], positions: Partial<Record<ColumnKey, number>>, entry: LogEntry): number | null {
  for (let i = rows.length - 1; i >= 0; i--) if (rowMatchesEntry(rows[i], positions, entry)) return i;
  return null;
}
