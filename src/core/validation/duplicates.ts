/**
 * Possible duplicates: the same customer, date and product already logged. Customer IDs compare case-insensitively,
 * ignore full-width forms ("ＴＢ１２３" and "tb123" are the same buyer) and ignore invisible format characters
 * (zero-width spaces and joiners, bidi marks and overrides, soft hyphens), which copy-paste from chat apps and web
 * pages carries along and which would otherwise make one buyer look like two.
 */
import * as normalize from './normalize';
import type { DuplicateIndex, DuplicateKeyParts } from './types';

// Bound once at load: esbuild's CommonJS output (tsx, the bench runner) turns every call through an import into
// getter calls, which a per-cell hot path cannot afford.
const { asciiLower, toHalfWidth } = normalize;

/** Unicode format (Cf) characters that do not show: U+00AD, U+061C, U+180E, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+206F, U+FEFF. */
const INVISIBLE = '[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]';
const HAS_INVISIBLE_RE = new RegExp(INVISIBLE);
const INVISIBLE_RE = new RegExp(INVISIBLE, 'g');

function customerKey(customerId: string): string {
  const visible = HAS_INVISIBLE_RE.test(customerId) ? customerId.replace(INVISIBLE_RE, '') : customerId;
  return asciiLower(toHalfWidth(visible));
}

/** A single string key for the same identity, for callers that group rows themselves. */
export function duplicateKey(entry: DuplicateKeyParts): string {
  return `${customerKey(entry.customerId)}\u0001${entry.date}\u0001${entry.product}`;
}

/**
 * Index of rows already in the log. The sheet check adds each row after validating it, so the second of two equal
 * rows is the one flagged; the entry form builds it from the whole log.
 */
/** Bits in the prefilter: 2^20 (128 KiB), under 10% false positives up to ~100,000 customers. */
const FILTER_BITS = 1 << 20;

/** FNV-1a over UTF-16 code units: a cheap hash for the prefilter. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function buildDuplicateIndex(entries: Iterable<DuplicateKeyParts> = []): DuplicateIndex {
  // customer → "date|product" → count. Most rows checked belong to a customer never seen before: a bit set over the
  // customers' hashes answers those without touching the map (a large map's lookups miss the CPU cache).
  const byCustomer = new Map<string, Map<string, number>>();
  const seenBits = new Uint32Array(FILTER_BITS >>> 5);
  let size = 0;
  const countOf = (customerId: string, date: string, product: string): number => {
    const customer = customerKey(customerId);
    const h = hash(customer) & (FILTER_BITS - 1);
    if ((seenBits[h >>> 5] & (1 << (h & 31))) === 0) return 0;
    const seen = byCustomer.get(customer);
    return seen === undefined ? 0 : seen.get(`${date}\u0001${product}`) ?? 0;
  };
  const index: DuplicateIndex = {
    has: (entry) => countOf(entry.customerId, entry.date, entry.product) > 0,
    contains: (customerId, date, product) => countOf(customerId, date, product) > 0,
    count: (entry) => countOf(entry.customerId, entry.date, entry.product),
    add: (entry) => {
      const customer = customerKey(entry.customerId);
      const h = hash(customer) & (FILTER_BITS - 1);
      seenBits[h >>> 5] |= 1 << (h & 31);
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
