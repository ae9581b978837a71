/**
 * Masking the log's free-text columns (DESIGN "Personal data"): which columns are free text, and one cell's masked
 * text with the kinds found, so the CLI and the pane count per column and kind the same way.
 */
import { COLUMNS, type ColumnKey } from '../schema';
import { detectPersonalData, maskPersonalData, type PersonalDataKind } from '../validation/personalData';

/** Columns a person types free text into: text columns and list columns that allow values outside the list. */
export const FREE_TEXT_KEYS: readonly ColumnKey[] = COLUMNS.filter((c) => c.type === 'text' || c.freeTextAllowed).map((c) => c.key);

export interface MaskedCell {
  text: string;
  kinds: PersonalDataKind[];
}

/** The cell's text with personal data masked, or null when it holds none. */
export function maskCell(text: string): MaskedCell | null {
  const found = detectPersonalData(text);
  if (found.length === 0) return null;
  return { text: maskPersonalData(text), kinds: found.map((m) => m.kind) };
}

/** Counts per column key and kind. */
export type MaskCounts = Partial<Record<ColumnKey, Partial<Record<PersonalDataKind, number>>>>;

export function countKinds(counts: MaskCounts, key: ColumnKey, kinds: readonly PersonalDataKind[]): void {
  const perKind = (counts[key] ??= {});
  for (const k of kinds) perKind[k] = (perKind[k] ?? 0) + 1;
}

/** One cell to change from `before` to `after`, written only while it still holds `before` (so undo is safe). */
export interface CellChange {
  rowIndex: number;
  key: ColumnKey;
  before: string;
  after: string;
}

export interface MaskPlan {
  changes: CellChange[];
  counts: MaskCounts;
}

/** The masking of a log read from the workbook: which free-text cells change, and what was found per column and kind. */
export function planMask(log: { positions: Partial<Record<ColumnKey, number>>; rows: readonly (readonly unknown[])[] }): MaskPlan {
  const changes: CellChange[] = [];
  const counts: MaskCounts = {};
  for (const key of FREE_TEXT_KEYS) {
    const at = log.positions[key];
    if (at === undefined) continue;
    log.rows.forEach((row, rowIndex) => {
      const value = row[at];
      if (typeof value !== 'string') return;
      const masked = maskCell(value);
      if (!masked) return;
      changes.push({ rowIndex, key, before: value, after: masked.text });
      countKinds(counts, key, masked.kinds);
    });
  }
  return { changes, counts };
}

/** The changes that undo `changes`. */
export function reverseChanges(changes: readonly CellChange[]): CellChange[] {
  return changes.map((c) => ({ ...c, before: c.after, after: c.before }));
}
