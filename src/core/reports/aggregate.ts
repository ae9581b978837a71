/**
 * The eight reports computed in TypeScript, all in ONE pass over the log rows (plain loops and Maps: the pane
 * summary, the CLI's `report`/`merge` and the formula oracle all use this). Keys are canonical log values; a blank
 * cell is the key '' (BLANK_KEY), shown as （空白） by keyLabel.
 *
 * Conversion is deals ÷ inquiries of the group (the average of 成交标记), a sum-over-count, never a mean of ratios,
 * and null when a group has no inquiries. Amounts are rounded to cents once, at the end.
 */
import type { ReportId } from '../reportIds';
import { NO, YES, defaultListValues, type Lang, type ListKey, type ListValues, type LogEntry } from '../schema';
import { BLANK_KEY, REPORTS, reportDef, type ReportDef, type SortDef, type ValueId } from './definitions';

/**
 * One report row. Only the fields the report's definition names are present (so `JSON.stringify` gives the CLI's
 * `{"key": "微信", "inquiries": 12, "deals": 5, "conversion": 0.41…, "amount": 3200}` directly); `column` only in
 * reports with a column field (customerMix: 交易类型, followUp: 客服).
 */
export interface ReportRow {
  key: string;
  column?: string;
  inquiries?: number;
  deals?: number;
  conversion?: number | null;
  amount?: number;
  quantity?: number;
  count?: number;
  share?: number | null;
}

export type ReportResults = Record<ReportId, ReportRow[]>;

export interface AggregateOptions {
  /** Accepted for symmetry with the other report calls; keys are canonical values in every language (see keyLabel). */
  lang?: Lang;
  /** Only rows dated within [from, to] (ISO, both inclusive, either may be omitted). */
  filter?: { from?: string; to?: string };
  /** List order used to break ties and order columns (an agency's own lists); default the schema's lists. */
  lists?: ListValues;
}

/** Running sums of one group. A class so every accumulator has the same shape (fast property access). */
class Acc {
  rows = 0;
  deals = 0;
  amount = 0;
  quantity = 0;
}

/** 1-D groups: key → sums. */
type Groups = Map<string, Acc>;
/** 2-D groups: row key → column key → sums. */
type Grid = Map<string, Map<string, Acc>>;

function acc(groups: Groups, key: string | null): Acc {
  const k = key ?? BLANK_KEY;
  let a = groups.get(k);
  if (a === undefined) groups.set(k, (a = new Acc()));
  return a;
}

function cell(grid: Grid, row: string | null, col: string | null): Acc {
  const r = row ?? BLANK_KEY;
  let cols = grid.get(r);
  if (cols === undefined) grid.set(r, (cols = new Map()));
  return acc(cols, col);
}

/**
 * The single pass below names each report's fields directly (monomorphic property reads are several times faster
 * than a loop over per-report key getters). This table states what it assumes, and the check under it ties it to
 * REPORTS, so a definition edited without the pass fails loudly at load, not silently in a report.
 */
const PASS_FIELDS: Record<ReportId, { rows: string; columns?: string; noDealOnly?: true }> = {
  channel: { rows: 'channel' },
  region: { rows: 'region' },
  customerMix: { rows: 'customerType', columns: 'dealType' },
  noDealReasons: { rows: 'noDealReason', noDealOnly: true },
  products: { rows: 'product' },
  agents: { rows: 'agent' },
  daily: { rows: 'date' },
  followUp: { rows: 'followUp', columns: 'agent', noDealOnly: true },
};
for (const def of REPORTS) {
  const f = PASS_FIELDS[def.id];
  const filterOk = f.noDealOnly ? def.filter?.column === 'deal' && def.filter.equals === NO : def.filter === undefined;
  if (f.rows !== def.rows || f.columns !== def.columns || !filterOk) throw new Error(`aggregate pass out of step with report ${def.id}`);
}

export function aggregate(rows: readonly LogEntry[], options: AggregateOptions = {}): ReportResults {
  const from = options.filter?.from;
  const to = options.filter?.to;
  const channel: Groups = new Map();
  const region: Groups = new Map();
  const customerMix: Grid = new Map();
  const noDealReasons: Groups = new Map();
  const products: Groups = new Map();
  const agents: Groups = new Map();
  const daily: Groups = new Map();
  const followUp: Grid = new Map();

  for (let i = 0; i < rows.length; i++) {
    const e = rows[i];
    if ((from !== undefined && e.date < from) || (to !== undefined && e.date > to)) continue;
    const deal = e.deal === YES ? 1 : 0;
    const amount = e.amount ?? 0;
    const quantity = e.quantity ?? 0;
    add(acc(channel, e.channel), deal, amount, quantity);
    add(acc(region, e.region), deal, amount, quantity);
    add(cell(customerMix, e.customerType, e.dealType), deal, amount, quantity);
    add(acc(products, e.product), deal, amount, quantity);
    add(acc(agents, e.agent), deal, amount, quantity);
    add(acc(daily, e.date), deal, amount, quantity);
    if (e.deal === NO) {
      add(acc(noDealReasons, e.noDealReason), deal, amount, quantity);
      add(cell(followUp, e.followUp, e.agent), deal, amount, quantity);
    }
  }

  const lists = options.lists ?? defaultListValues();
  const one = (id: ReportId, g: Groups): ReportRow[] => finishGroups(reportDef(id), g, lists);
  const two = (id: ReportId, g: Grid): ReportRow[] => finishGrid(reportDef(id), g, lists);
  return {
    channel: one('channel', channel),
    region: one('region', region),
    customerMix: two('customerMix', customerMix),
    noDealReasons: one('noDealReasons', noDealReasons),
    products: one('products', products),
    agents: one('agents', agents),
    daily: one('daily', daily),
    followUp: two('followUp', followUp),
  };
}

function add(a: Acc, deal: number, amount: number, quantity: number): void {
  a.rows++;
  a.deals += deal;
  a.amount += amount;
  a.quantity += quantity;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/** The value a definition names, from a group's sums (share needs the report's total count). */
function valueOf(id: ValueId, a: Acc, totalRows: number): number | null {
  switch (id) {
    case 'inquiries':
    case 'count':
      return a.rows;
    case 'deals':
      return a.deals;
    case 'conversion':
      return a.rows === 0 ? null : a.deals / a.rows;
    case 'amount':
      return cents(a.amount);
    case 'quantity':
      return a.quantity;
    case 'share':
      return totalRows === 0 ? null : a.rows / totalRows;
  }
}

function makeRow(def: ReportDef, key: string, column: string | undefined, a: Acc, totalRows: number): ReportRow {
  const row: ReportRow = column === undefined ? { key } : { key, column };
  const target = row as unknown as Record<string, number | null>;
  for (const v of def.values) target[v.id] = valueOf(v.id, a, totalRows);
  return row;
}

/**
 * Order of keys from a dictionary list: list items first in list order, values not in the list after them
 * (alphabetically), blank last.
 */
function listOrder(list: ListKey | undefined, lists: ListValues): (a: string, b: string) => number {
  const index = new Map<string, number>((list ? lists[list] ?? [] : []).map((v, i) => [v, i]));
  const rank = (k: string): number => (k === BLANK_KEY ? 2 : index.has(k) ? 0 : 1);
  return (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    if (ra === 0) return (index.get(a) as number) - (index.get(b) as number);
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

function sumAcc(accs: Iterable<Acc>): Acc {
  const t = new Acc();
  for (const a of accs) {
    t.rows += a.rows;
    t.deals += a.deals;
    t.amount += a.amount;
    t.quantity += a.quantity;
  }
  return t;
}

/** Sort keys by the definition's sort, ties in list order. `accOf` gives the sums a key is ranked by. */
function sortKeys(keys: string[], sort: SortDef, accOf: (k: string) => Acc, total: number, byList: (a: string, b: string) => number): string[] {
  if (sort.by === 'list') return keys.sort(byList);
  if (sort.by === 'key') return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const by = sort.by;
  const score = new Map(keys.map((k) => [k, valueOf(by, accOf(k), total) ?? -Infinity]));
  return keys.sort((a, b) => (score.get(b) as number) - (score.get(a) as number) || byList(a, b));
}

function finishGroups(def: ReportDef, groups: Groups, lists: ListValues): ReportRow[] {
  const total = sumAcc(groups.values()).rows;
  const keys = sortKeys([...groups.keys()], def.sort, (k) => groups.get(k) as Acc, total, listOrder(def.rowList, lists));
  return keys.map((k) => makeRow(def, k, undefined, groups.get(k) as Acc, total));
}

/** 2-D: rows ranked by their row totals, cells within a row in the column list's order (blank last). */
function finishGrid(def: ReportDef, grid: Grid, lists: ListValues): ReportRow[] {
  const byCol = listOrder(def.columnList, lists);
  const rowTotals = new Map<string, Acc>();
  for (const [k, cols] of grid) rowTotals.set(k, sumAcc(cols.values()));
  const total = sumAcc(rowTotals.values()).rows;
  const keys = sortKeys([...grid.keys()], def.sort, (k) => rowTotals.get(k) as Acc, total, listOrder(def.rowList, lists));
  const out: ReportRow[] = [];
  for (const k of keys) {
    const cols = grid.get(k) as Map<string, Acc>;
    for (const c of [...cols.keys()].sort(byCol)) out.push(makeRow(def, k, c, cols.get(c) as Acc, total));
  }
  return out;
}

/**
 * The totals line of a report (what the formula table's 合计 row shows): counts and sums added up, conversion
 * recomputed from the totals (never averaged), share 1 when there is anything to share.
 */
export function reportTotal(id: ReportId, rows: readonly ReportRow[]): ReportRow {
  const def = reportDef(id);
  const a = new Acc();
  for (const r of rows) {
    a.rows += r.inquiries ?? r.count ?? 0;
    // Products carry conversion but not deals: deals = conversion × inquiries exactly (rounding removes float noise).
    a.deals += r.deals ?? (r.conversion != null && r.inquiries ? Math.round(r.conversion * r.inquiries) : 0);
    a.amount += r.amount ?? 0;
    a.quantity += r.quantity ?? 0;
  }
  return makeRow(def, BLANK_KEY, undefined, a, a.rows);
}
