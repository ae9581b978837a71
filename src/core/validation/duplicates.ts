/**
 * Possible duplicates: the same customer, date and product already logged. Customer IDs compare case-insensitively
 * and ignore full-width forms ("ＴＢ１２３" and "tb123" are the same buyer).
 */
import { toHalfWidth } from './normalize';
import type { DuplicateIndex, DuplicateKeyParts } from './types';

export function duplicateKey(entry: DuplicateKeyParts): string {
  return `${toHalfWidth(entry.customerId).toLowerCase()}\u0001${entry.date}\u0001${entry.product}`;
}

/**
 * Index of rows already in the log. The sheet check adds each row after validating it, so the second of two equal
 * rows is the one flagged; the entry form builds it from the whole log.
 */
export function buildDuplicateIndex(entries: Iterable<DuplicateKeyParts> = []): DuplicateIndex {
  const counts = new Map<string, number>();
  const index: DuplicateIndex = {
    has: (entry) => counts.has(duplicateKey(entry)),
    count: (entry) => counts.get(duplicateKey(entry)) ?? 0,
    add: (entry) => {
      const key = duplicateKey(entry);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    get size() {
      return counts.size;
    },
  };
  for (const e of entries) index.add(e);
  return index;
}
