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
