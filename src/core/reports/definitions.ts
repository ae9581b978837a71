/**
 * The eight reports of DESIGN.md as data. Every consumer reads these: the TypeScript aggregation (pane summary, CLI
 * report/merge), the native-formula layout (COUNTIFS/SUMIFS tables) and the PivotTable builder. A report is changed
 * here once and all three follow, which is what keeps them in agreement.
 */
import { type ReportId, REPORT_IDS } from '../reportIds';
import { AMOUNT_FORMAT, NO, listLabel, type ColumnKey, type Lang, type ListKey } from '../schema';
import { t, type Text } from '../i18n';
import { reports as txt } from '../i18n/reports';

export type ValueId = 'inquiries' | 'deals' | 'conversion' | 'amount' | 'quantity' | 'count' | 'share';

/**
 * How a value is summarised, in PivotTable terms:
 * - count: rows in the group (inquiries, or occurrences in a filtered report);
 * - sum: sum of a numeric column (成交标记 for deals, 成交金额, 数量);
 * - average: average of a column — conversion is AVERAGE(成交标记) = deals ÷ inquiries, a true sum-over-count;
 * - shareOfTotal: the group's count as a share of the report's total count (pivot "% of column total").
 */
export type Aggregation =
  | { kind: 'count' }
  | { kind: 'sum'; column: 'dealFlag' | 'amount' | 'quantity' }
  | { kind: 'average'; column: 'dealFlag' }
  | { kind: 'shareOfTotal' };

export interface ValueDef {
  id: ValueId;
  label: Text;
  aggregation: Aggregation;
  numberFormat: string;
}

export type ChartKind = 'column' | 'bar' | 'stackedColumn' | 'line' | 'none';

/**
 * Row order: by a value, largest first (ties in list order); by the key ascending (dates); or in the
 * dictionary list's own order (workflow stages such as 跟进情况).
 */
export type SortDef = { by: ValueId; direction: 'desc' } | { by: 'key'; direction: 'asc' } | { by: 'list' };

export interface ReportDef {
  id: ReportId;
  title: Text;
  /** The row field (a log column). */
  rows: ColumnKey;
  /** The dictionary list the row keys come from (formula reports list every item, even with zero rows). None for dates. */
  rowList?: ListKey;
  /** Optional column field (customerMix: 交易类型; followUp: 客服). */
  columns?: ColumnKey;
  columnList?: ListKey;
  /** The column field can be legitimately blank (交易类型 on 否 rows), so the report carries a blank column. */
  blankColumn?: boolean;
  /** Only rows where this column equals this value are counted (未成交原因, 跟进看板: 是否成交 = 否). */
  filter?: { column: 'deal'; equals: string };
  values: readonly ValueDef[];
  sort: SortDef;
  chart: ChartKind;
  /** The values a chart plots (series); empty when chart is 'none'. */
  chartValues: readonly ValueId[];
}

const COUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0%';

export const VALUES: Readonly<Record<ValueId, ValueDef>> = {
  inquiries: { id: 'inquiries', label: txt.inquiries, aggregation: { kind: 'count' }, numberFormat: COUNT_FORMAT },
  deals: { id: 'deals', label: txt.deals, aggregation: { kind: 'sum', column: 'dealFlag' }, numberFormat: COUNT_FORMAT },
  conversion: { id: 'conversion', label: txt.conversion, aggregation: { kind: 'average', column: 'dealFlag' }, numberFormat: PERCENT_FORMAT },
  amount: { id: 'amount', label: txt.amount, aggregation: { kind: 'sum', column: 'amount' }, numberFormat: AMOUNT_FORMAT },
  quantity: { id: 'quantity', label: txt.quantity, aggregation: { kind: 'sum', column: 'quantity' }, numberFormat: COUNT_FORMAT },
  count: { id: 'count', label: txt.count, aggregation: { kind: 'count' }, numberFormat: COUNT_FORMAT },
  share: { id: 'share', label: txt.share, aggregation: { kind: 'shareOfTotal' }, numberFormat: PERCENT_FORMAT },
};

const v = (...ids: ValueId[]): ValueDef[] => ids.map((id) => VALUES[id]);
const noDealOnly = { column: 'deal', equals: NO } as const;

export const REPORTS: readonly ReportDef[] = [
  {
    id: 'channel', title: txt.titleChannel, rows: 'channel', rowList: 'channel',
    values: v('inquiries', 'deals', 'conversion', 'amount'), sort: { by: 'inquiries', direction: 'desc' },
    chart: 'column', chartValues: ['inquiries', 'deals'],
  },
  {
    id: 'region', title: txt.titleRegion, rows: 'region', rowList: 'region',
    values: v('inquiries', 'deals', 'conversion', 'amount'), sort: { by: 'amount', direction: 'desc' },
    chart: 'bar', chartValues: ['amount'],
  },
  {
    id: 'customerMix', title: txt.titleCustomerMix, rows: 'customerType', rowList: 'customerType',
    columns: 'dealType', columnList: 'dealType', blankColumn: true,
    values: v('inquiries', 'amount'), sort: { by: 'inquiries', direction: 'desc' },
    chart: 'stackedColumn', chartValues: ['inquiries'],
  },
  {
    id: 'noDealReasons', title: txt.titleNoDealReasons, rows: 'noDealReason', rowList: 'noDealReason', filter: noDealOnly,
    values: v('count', 'share'), sort: { by: 'count', direction: 'desc' },
    chart: 'bar', chartValues: ['count'],
  },
  {
    id: 'products', title: txt.titleProducts, rows: 'product', rowList: 'product',
    values: v('quantity', 'amount', 'inquiries', 'conversion'), sort: { by: 'quantity', direction: 'desc' },
    chart: 'none', chartValues: [],
  },
  {
    id: 'agents', title: txt.titleAgents, rows: 'agent', rowList: 'agent',
    values: v('inquiries', 'deals', 'conversion', 'amount'), sort: { by: 'amount', direction: 'desc' },
    chart: 'column', chartValues: ['inquiries', 'deals'],
  },
  {
    id: 'daily', title: txt.titleDaily, rows: 'date',
    values: v('inquiries', 'deals', 'amount'), sort: { by: 'key', direction: 'asc' },
    chart: 'line', chartValues: ['inquiries', 'deals'],
  },
  {
    id: 'followUp', title: txt.titleFollowUp, rows: 'followUp', rowList: 'followUp',
    columns: 'agent', columnList: 'agent', filter: noDealOnly,
    values: v('count'), sort: { by: 'list' },
    chart: 'none', chartValues: [],
  },
];

// The table above must hold exactly the ids of reportIds.ts, in that order (checked once at load).
if (REPORTS.map((r) => r.id).join() !== REPORT_IDS.join()) throw new Error('REPORTS out of step with REPORT_IDS');

const byId = new Map<ReportId, ReportDef>(REPORTS.map((r) => [r.id, r]));

export function reportDef(id: ReportId): ReportDef {
  const def = byId.get(id);
  if (!def) throw new Error(`Unknown report id: ${id}`);
  return def;
}

/**
 * The canonical key of a blank cell (e.g. 交易类型 on a 否 row in customerMix): the empty string, in the JSON too.
 * Displays show it as （空白） / (blank) — see keyLabel.
 */
export const BLANK_KEY = '';

/** Display text of a row or column key: list values get their English label in en-US, blanks read （空白）. */
export function keyLabel(list: ListKey | undefined, key: string, lang: Lang): string {
  if (key === BLANK_KEY) return t(txt.blank, lang);
  return list ? listLabel(list, key, lang) : key;
}

export function reportTitle(id: ReportId, lang: Lang): string {
  return t(reportDef(id).title, lang);
}
