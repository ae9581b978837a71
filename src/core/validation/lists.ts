/**
 * List matching: a typed value matches a list item case-insensitively, ignoring spaces and full-width forms, by its
 * canonical value or its English label (schema ListItem.en); 是否成交 also takes Yes/No, Y/N, TRUE/FALSE and 1/0.
 * Lookup maps are built once per lists object and cached (WeakMap), so a sheet check pays for them once.
 */
import { LIST_KEYS, LISTS, NO, YES, type ListKey, type ListValues } from '../schema';
import { invalid, normalizeText, type Invalid } from './normalize';
import { toHalfWidth } from './normalize';

export interface ListLookup {
  /** Canonical value → itself: the fast path for values that are already clean. */
  exact: Map<string, string>;
  /** Folded spelling (value, English label, alias) → canonical value. */
  folded: Map<string, string>;
}

export type ListLookups = Record<ListKey, ListLookup>;

const WHITESPACE_RE = /\s+/g;

/** The matching key of a list spelling: half-width, no whitespace, lower case. */
export function foldListText(s: string): string {
  return toHalfWidth(s).replace(WHITESPACE_RE, '').toLowerCase();
}

const DEAL_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['yes', YES], ['y', YES], ['true', YES], ['1', YES], ['成交', YES], ['已成交', YES],
  ['no', NO], ['n', NO], ['false', NO], ['0', NO], ['未成交', NO],
];

interface CacheEntry {
  /** The arrays the maps were built from, to notice a caller replacing or growing a list in place. */
  sources: string[][];
  lengths: number[];
  lookups: ListLookups;
}

const cache = new WeakMap<ListValues, CacheEntry>();

function buildLookup(key: ListKey, values: readonly string[]): ListLookup {
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  // Later sets win: aliases first, then English labels, then the canonical values themselves.
  if (key === 'deal') {
    const present = new Set(values);
    for (const [alias, value] of DEAL_ALIASES) if (present.has(value)) folded.set(alias, value);
  }
  const inList = new Set(values);
  for (const item of LISTS[key].items) {
    if (inList.has(item.value)) folded.set(foldListText(item.en), item.value);
  }
  for (const value of values) {
    if (typeof value !== 'string' || value === '') continue;
    exact.set(value, value);
    folded.set(foldListText(value), value);
  }
  return { exact, folded };
}

export function listLookups(lists: ListValues): ListLookups {
  const hit = cache.get(lists);
  if (hit && LIST_KEYS.every((k, i) => lists[k] === hit.sources[i] && lists[k].length === hit.lengths[i])) {
    return hit.lookups;
  }
  const lookups = {} as ListLookups;
  for (const k of LIST_KEYS) lookups[k] = buildLookup(k, lists[k] ?? []);
  cache.set(lists, { sources: LIST_KEYS.map((k) => lists[k]), lengths: LIST_KEYS.map((k) => (lists[k] ?? []).length), lookups });
  return lookups;
}

/**
 * Match a raw value against a list. Returns the canonical value, null when empty, or Invalid: 'notInList' (the
 * trimmed text is then available from `normalizeText`), 'controlChar', 'cellError', 'notText'.
 */
export function matchList(raw: unknown, lookup: ListLookup): string | null | Invalid {
  if (typeof raw === 'string') {
    const hit = lookup.exact.get(raw);
    if (hit !== undefined) return hit;
  }
  const text = normalizeText(raw);
  if (text === null || typeof text !== 'string') return text;
  const hit = lookup.exact.get(text) ?? lookup.folded.get(foldListText(text));
  return hit ?? invalid('notInList');
}
