/**
 * A product's usual price, for the 'amountOutlier' warning.
 *
 * The rule works on the unit price (amount ÷ quantity), not the order amount: a wholesale order of 500 pieces is
 * legitimately 500 times a retail one, while a unit price ten times the usual one is nearly always a typo (an extra
 * zero, fen typed as yuan, the quantity typed into the amount). A product needs at least MIN_DEALS past deals
 * (是 with amount > 0 and quantity > 0). Flag when unit price > max(10 × median, Q3 + 3 × IQR): the IQR fence alone
 * is too tight for a product with few, very similar prices, the 10 × median floor too loose for a wide spread.
 * Quartiles are interpolated like Excel's QUARTILE.INC.
 */
import { YES, type LogEntry } from '../schema';
import type { AmountRange, AmountRanges } from './types';

export const MIN_DEALS = 5;
export const MEDIAN_FACTOR = 10;
export const IQR_FACTOR = 3;

/** Quantile of sorted values, linear interpolation between closest ranks (QUARTILE.INC / PERCENTILE.INC). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function rangeOf(unitPrices: readonly number[]): AmountRange | undefined {
  if (unitPrices.length < MIN_DEALS) return undefined;
  const sorted = [...unitPrices].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const limit = Math.max(MEDIAN_FACTOR * median, q3 + IQR_FACTOR * (q3 - q1));
  return { deals: sorted.length, median, q1, q3, limit };
}

export type PriceParts = Pick<LogEntry, 'product' | 'deal' | 'amount' | 'quantity'>;

export function unitPrice(entry: PriceParts): number | null {
  if (entry.deal !== YES || !entry.amount || !entry.quantity || entry.amount <= 0 || entry.quantity <= 0) return null;
  return entry.amount / entry.quantity;
}

export function buildAmountRanges(entries: Iterable<PriceParts>): AmountRanges {
  const byProduct = new Map<string, number[]>();
  for (const e of entries) {
    const price = unitPrice(e);
    if (price === null || !e.product) continue;
    let list = byProduct.get(e.product);
    if (!list) byProduct.set(e.product, (list = []));
    list.push(price);
  }
  const ranges = new Map<string, AmountRange>();
  for (const [product, prices] of byProduct) {
    const range = rangeOf(prices);
    if (range) ranges.set(product, range);
  }
  return ranges;
}
