/**
 * List matching: a typed value matches a list item case-insensitively, ignoring spaces and full-width forms, by its
 * canonical value or its English label (schema ListItem.en); 是否成交 also takes Yes/No, Y/N, TRUE/FALSE and 1/0.
 * Lookup maps are built once per lists object and cached (WeakMap), so a sheet check pays for them once.
 */
import * as schema from '../schema';
import type { ListKey, ListValues } from '../schema';
import * as normalize from './normalize';
import type { Invalid } from './normalize';

// Bound once at load: esbuild's CommonJS output (tsx, the bench runner) turns every call through an import into
// getter calls, which a per-cell hot path cannot afford.
const { LIST_KEYS, LISTS, NO, YES } = schema;
const { invalid, textValue, toHalfWidth } = normalize;

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

/** The list arrays a lookup was built from, and their lengths, to notice a list replaced or grown in place. */
interface CacheEntry {
  lists: ListValues;
  lengths: Record<ListKey, number>;
  lookups: ListLookups;
}

const cache = new WeakMap<ListValues, CacheEntry>();
/** The last lists seen: a sheet check validates every row against the same object. */
let last: { lists: ListValues; entry: CacheEntry } | null = null;

const len = (values: readonly string[] | undefined): number => (values ? values.length : 0);

/** Written out per key: a loop over keys makes every property read a slow generic (megamorphic) lookup. */
function snapshot(l: ListValues): CacheEntry['lists'] {
  return {
    agent: l.agent, customerType: l.customerType, newOrReturning: l.newOrReturning, channel: l.channel, region: l.region,
    product: l.product, deal: l.deal, dealType: l.dealType, noDealReason: l.noDealReason, followUp: l.followUp,
  };
}

function lengths(l: ListValues): Record<ListKey, number> {
  return {
    agent: len(l.agent), customerType: len(l.customerType), newOrReturning: len(l.newOrReturning), channel: len(l.channel),
    region: len(l.region), product: len(l.product), deal: len(l.deal), dealType: len(l.dealType),
    noDealReason: len(l.noDealReason), followUp: len(l.followUp),
  };
}

function isCurrent(l: ListValues, e: CacheEntry): boolean {
  const a = e.lists;
  const n = e.lengths;
  return (
    l.agent === a.agent && len(l.agent) === n.agent &&
    l.customerType === a.customerType && len(l.customerType) === n.customerType &&
    l.newOrReturning === a.newOrReturning && len(l.newOrReturning) === n.newOrReturning &&
    l.channel === a.channel && len(l.channel) === n.channel &&
    l.region === a.region && len(l.region) === n.region &&
    l.product === a.product && len(l.product) === n.product &&
    l.deal === a.deal && len(l.deal) === n.deal &&
    l.dealType === a.dealType && len(l.dealType) === n.dealType &&
    l.noDealReason === a.noDealReason && len(l.noDealReason) === n.noDealReason &&
    l.followUp === a.followUp && len(l.followUp) === n.followUp
  );
}

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

/** Lookup maps for a lists object: built once, then reused while the lists stay the same. */
export function listLookups(lists: ListValues): ListLookups {
  const hit = last !== null && last.lists === lists ? last.entry : cache.get(lists);
  if (hit && isCurrent(lists, hit)) {
    if (last === null || last.lists !== lists) last = { lists, entry: hit };
    return hit.lookups;
  }
  const lookups = {} as ListLookups;
  for (const k of LIST_KEYS) lookups[k] = buildLookup(k, lists[k] ?? []);
  const entry: CacheEntry = { lists: snapshot(lists), lengths: lengths(lists), lookups };
  cache.set(lists, entry);
  last = { lists, entry };
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
  const text = textValue(raw, Infinity, false);
  if (text === null || typeof text !== 'string') return text;
  const hit = lookup.exact.get(text) ?? lookup.folded.get(foldListText(text));
  return hit ?? invalid('notInList');
}
