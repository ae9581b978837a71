/**
 * validateRow(): a sheet row (raw cell values, as Office.js or exceljs read them) validated by header positions,
 * so columns are found by header text, never by place. Unknown columns (the user's own) are ignored.
 */
import type { HeaderPositions, RawEntry, ValidationContext, ValidationResult } from './types';
import * as validation from './validate';

// Bound once at load: esbuild's CommonJS output (tsx, the bench runner) turns every call through an import into
// getter calls, which a per-cell hot path cannot afford.
const { validateCells } = validation;

/** Cell index per input column (-1 when the column is missing), computed once per positions object. */
interface Slots {
  date: number; agent: number; customerId: number; customerType: number; newOrReturning: number; channel: number;
  region: number; product: number; quantity: number; amount: number; deal: number; dealType: number;
  noDealReason: number; followUp: number; nextFollowUp: number; note: number;
}
const slotCache = new WeakMap<HeaderPositions, Slots>();
/** A sheet check passes the same positions for every row. */
let lastPositions: HeaderPositions | null = null;
let lastSlots: Slots | null = null;

function slotsOf(p: HeaderPositions): Slots {
  if (p === lastPositions && lastSlots) return lastSlots;
  let s = slotCache.get(p);
  if (!s) {
    const at = (i: number | undefined) => (i === undefined ? -1 : i);
    s = {
      date: at(p.date), agent: at(p.agent), customerId: at(p.customerId), customerType: at(p.customerType),
      newOrReturning: at(p.newOrReturning), channel: at(p.channel), region: at(p.region), product: at(p.product),
      quantity: at(p.quantity), amount: at(p.amount), deal: at(p.deal), dealType: at(p.dealType),
      noDealReason: at(p.noDealReason), followUp: at(p.followUp), nextFollowUp: at(p.nextFollowUp), note: at(p.note),
    };
    slotCache.set(p, s);
  }
  lastPositions = p;
  lastSlots = s;
  return s;
}

function cell(cells: readonly unknown[], i: number): unknown {
  return i < 0 ? undefined : cells[i];
}

/** The RawEntry of one row (a fixed-shape object: the hot loop stays monomorphic). */
export function rowToRaw(cells: readonly unknown[], positions: HeaderPositions): RawEntry {
  const s = slotsOf(positions);
  return {
    date: cell(cells, s.date), agent: cell(cells, s.agent), customerId: cell(cells, s.customerId),
    customerType: cell(cells, s.customerType), newOrReturning: cell(cells, s.newOrReturning), channel: cell(cells, s.channel),
    region: cell(cells, s.region), product: cell(cells, s.product), quantity: cell(cells, s.quantity), amount: cell(cells, s.amount),
    deal: cell(cells, s.deal), dealType: cell(cells, s.dealType), noDealReason: cell(cells, s.noDealReason),
    followUp: cell(cells, s.followUp), nextFollowUp: cell(cells, s.nextFollowUp), note: cell(cells, s.note),
  };
}

export function validateRow(cells: readonly unknown[], positions: HeaderPositions, ctx: ValidationContext): ValidationResult {
  const s = slotsOf(positions);
  return validateCells(
    cell(cells, s.date), cell(cells, s.agent), cell(cells, s.customerId), cell(cells, s.customerType),
    cell(cells, s.newOrReturning), cell(cells, s.channel), cell(cells, s.region), cell(cells, s.product),
    cell(cells, s.quantity), cell(cells, s.amount), cell(cells, s.deal), cell(cells, s.dealType),
    cell(cells, s.noDealReason), cell(cells, s.followUp), cell(cells, s.nextFollowUp), cell(cells, s.note),
    ctx,
  );
}
