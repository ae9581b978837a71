/**
 * Possible duplicates: the same customer, date and product already logged. Customer IDs compare case-insensitively
 * and ignore full-width forms ("ＴＢ１２３" and "tb123" are the same buyer).
 */
import * as normalize from './normalize';
import type { DuplicateIndex, DuplicateKeyParts } from './types';

// Bound once at load: esbuild's CommonJS output (tsx, the bench runner) turns every call through an import into
// getter calls, which a per-cell hot path cannot afford.
const { asciiLower, toHalfWidth } = normalize;

function customerKey(customerId: string): string {
  return asciiLower(toHalfWidth(customerId));
}

/** A single string key for the same identity, for callers that group rows themselves. */
export function duplicateKey(entry: DuplicateKeyParts): string {
  return `${customerKey(entry.customerId)}\u0001${entry.date}\u0001${entry.product}`;
}

/**
 * Index of rows already in the log. The sheet check adds each row after validating it, so the second of two equal
 * rows is the one flagged; the entry form builds it from the whole log.
 */
export function buildDuplicateIndex(entries: Iterable<DuplicateKeyParts> = []): DuplicateIndex {
  // customer → "date|product" → count. Most rows checked belong to a customer not seen that day, so one lookup by
  // the customer (whose hash the string already carries) usually settles it.
  const byCustomer = new Map<string, Map<string, number>>();
  let size = 0;
  const countOf = (customerId: string, date: string, product: string): number => {
    const seen = byCustomer.get(customerKey(customerId));
    return seen === undefined ? 0 : seen.get(`${date}\u0001${product}`) ?? 0;
  };
  const index: DuplicateIndex = {
    has: (entry) => countOf(entry.customerId, entry.date, entry.product) > 0,
    contains: (customerId, date, product) => countOf(customerId, date, product) > 0,
    count: (entry) => countOf(entry.customerId, entry.date, entry.product),
    add: (entry) => {
      const customer = customerKey(entry.customerId);
      let seen = byCustomer.get(customer);
      if (!seen) byCustomer.set(customer, (seen = new Map()));
      const key = `${entry.date}\u0001${entry.product}`;
      const n = seen.get(key) ?? 0;
      if (n === 0) size++;
      seen.set(key, n + 1);
    },
    get size() {
      return size;
    },
  };
  for (const e of entries) index.add(e);
  return index;
}
