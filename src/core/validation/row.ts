/**
 * validateRow(): a sheet row (raw cell values, as Office.js or exceljs read them) validated by header positions,
 * so columns are found by header text, never by place. Unknown columns (the user's own) are ignored.
 */
import { INPUT_KEYS, type InputKey } from '../schema';
import type { HeaderPositions, RawEntry, ValidationContext, ValidationResult } from './types';
import { validate } from './validate';

type Pairs = ReadonlyArray<readonly [InputKey, number]>;
const pairCache = new WeakMap<HeaderPositions, Pairs>();

/** The (key, index) pairs of the input columns present, computed once per positions object. */
function pairsOf(positions: HeaderPositions): Pairs {
  let pairs = pairCache.get(positions);
  if (!pairs) {
    const list: Array<readonly [InputKey, number]> = [];
    for (const key of INPUT_KEYS) {
      const at = positions[key];
      if (at !== undefined) list.push([key, at]);
    }
    pairs = list;
    pairCache.set(positions, pairs);
  }
  return pairs;
}

/** The RawEntry of one row: each input column's cell by its header position. */
export function rowToRaw(cells: readonly unknown[], positions: HeaderPositions): RawEntry {
  const raw: RawEntry = {};
  for (const [key, at] of pairsOf(positions)) raw[key] = cells[at];
  return raw;
}

export function validateRow(cells: readonly unknown[], positions: HeaderPositions, ctx: ValidationContext): ValidationResult {
  return validate(rowToRaw(cells, positions), ctx);
}
