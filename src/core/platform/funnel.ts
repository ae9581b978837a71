/**
 * The 漏斗 funnel: 访客数 → 询单人数 → 支付买家数 per day, per week and per product, and beside it the reconciliation
 * no platform tool gives — inquiries counted in our log (every channel) against the platform's 询单人数 (旺旺 only),
 * per day and per agent. Each column is defined once, as a sum / count / ratio over the tables; from that one
 * definition come the TypeScript numbers (pane, CLI) and the cell formulas (kit: native; add-in: SHOP functions),
 * so the three cannot drift apart. Ratios with no basis (zero or inconsistent counts) are blank everywhere.
 */
import { isoToSerial, serialToIso } from '../dates';
import { t, type Text } from '../i18n';
import { platform as P } from '../i18n/platform';
import { criterion, columnRef } from '../reports/formulaLayout';
import { escapeStructuredName, type ColumnKey, type Lang, type LogEntry } from '../schema';
import { columnLetter } from '../template';
import { AGENTS, platformColumn, platformHeader, TRAFFIC, type PlatformKind } from './columns';
import type { PlatformRow } from './parse';

export interface FunnelData {
  traffic: readonly PlatformRow[];
  agents: readonly PlatformRow[];
  /** Log rows (only date, agent, channel, product and deal are used). */
  log: readonly Pick<LogEntry, 'date' | 'agent' | 'channel' | 'product' | 'deal'>[];
}

export type Dialect = 'native' | 'shop';
export type FunnelFormat = 'date' | 'text' | 'count' | 'money' | 'percent';
export const FUNNEL_FORMATS: Record<FunnelFormat, string> = { date: 'yyyy-mm-dd', text: '@', count: '#,##0', money: '#,##0.00', percent: '0.00%' };

/** The log channel the platform's 询单人数 counts. */
export const WANGWANG_CHANNEL = '旺旺/千牛';
const YES = '是';

type Source = PlatformKind | 'log';
type Filter =
  | { col: string; is: 'key' }
  | { col: string; is: 'blank' }
  | { col: string; is: 'value'; value: string }
  | { col: string; is: 'week' }
  /** The log counted over the days the platform data covers: the agent table's days, or the product rows' days. */
  | { col: string; is: 'range'; over: RangeId };

type RangeId = 'agents' | 'products';

type Measure =
  | { op: 'sum'; source: PlatformKind; col: string; where: Filter[] }
  | { op: 'count'; source: 'log'; where: Filter[] }
  | { op: 'ratio'; num: string; den: string; bounded: boolean; shop: string }
  | { op: 'silent'; paying: string; inquiryPaid: string; visitors: string }
  | { op: 'diff'; a: string; b: string };

interface FunnelColumn {
  id: string;
  header: Text;
  format: FunnelFormat;
  measure: Measure;
}

export type BlockId = 'daily' | 'weekly' | 'product' | 'reconcileDaily' | 'reconcileAgent';

interface BlockDef {
  id: BlockId;
  title: Text;
  keyHeader: Text;
  keyFormat: FunnelFormat;
  /** A second label column (the product name) when the key is an ID. */
  labelHeader?: Text;
  columns: FunnelColumn[];
}

const shopScope: Filter = { col: 'productId', is: 'blank' };
const sumT = (col: string, where: Filter[]): Measure => ({ op: 'sum', source: 'traffic', col, where });
const sumA = (col: string, where: Filter[]): Measure => ({ op: 'sum', source: 'agents', col, where });
const c = (id: string, header: Text, format: FunnelFormat, measure: Measure): FunnelColumn => ({ id, header, format, measure });
const ratio = (num: string, den: string, bounded: boolean, shop: string): Measure => ({ op: 'ratio', num, den, bounded, shop });

function funnelColumns(dateFilter: Filter, scope: Filter[]): FunnelColumn[] {
  return [
    c('visitors', P.colVisitors, 'count', sumT('visitors', [dateFilter, ...scope])),
    c('inquirers', P.colInquirers, 'count', sumA('inquirers', [dateFilter])),
    c('inquiryBuyers', P.colInquiryBuyers, 'count', sumA('inquiryBuyers', [dateFilter])),
    c('payingBuyers', P.colPayingBuyers, 'count', sumT('payingBuyers', [dateFilter, ...scope])),
    c('amountPaid', P.colAmountPaid, 'money', sumT('amountPaid', [dateFilter, ...scope])),
    c('inquiryRate', P.colInquiryRate, 'percent', ratio('inquirers', 'visitors', true, 'INQUIRY_RATE')),
    c('inquiryCvr', P.colInquiryCvr, 'percent', ratio('inquiryBuyers', 'inquirers', true, 'INQUIRY_CVR')),
    c('silentCvr', P.colSilentCvr, 'percent', { op: 'silent', paying: 'payingBuyers', inquiryPaid: 'inquiryBuyers', visitors: 'visitors' }),
    c('paidCvr', P.colPaidCvr, 'percent', ratio('payingBuyers', 'visitors', true, 'CVR')),
    c('aov', P.colAov, 'money', ratio('amountPaid', 'payingBuyers', false, 'AOV')),
    c('uvValue', P.colUvValue, 'money', ratio('amountPaid', 'visitors', false, 'UV_VALUE')),
  ];
}

const logAll = (where: Filter[]): Measure => ({ op: 'count', source: 'log', where });
const reconcileColumns = (where: Filter, platformWhere: Filter[]): FunnelColumn[] => [
  c('logAll', P.colLogAll, 'count', logAll([where])),
  c('logWangwang', P.colLogWangwang, 'count', logAll([where, { col: 'channel', is: 'value', value: WANGWANG_CHANNEL }])),
  c('platform', P.colPlatformInquirers, 'count', sumA('inquirers', platformWhere)),
  c('gap', P.colGap, 'count', { op: 'diff', a: 'logWangwang', b: 'platform' }),
];

export const FUNNEL_BLOCKS: readonly BlockDef[] = [
  { id: 'daily', title: P.funnelDaily, keyHeader: P.colDate, keyFormat: 'date', columns: funnelColumns({ col: 'date', is: 'key' }, [shopScope]) },
  { id: 'weekly', title: P.funnelWeekly, keyHeader: P.colWeek, keyFormat: 'date', columns: funnelColumns({ col: 'date', is: 'week' }, [shopScope]) },
  {
    id: 'product',
    title: P.funnelProduct,
    keyHeader: P.colProductId,
    keyFormat: 'text',
    labelHeader: P.colProduct,
    columns: [
      c('visitors', P.colVisitors, 'count', sumT('visitors', [{ col: 'productId', is: 'key' }])),
      c('inquirers', P.colLogInquiries, 'count', logAll([{ col: 'product', is: 'key' }, { col: 'date', is: 'range', over: 'products' }])),
      c('deals', P.colLogDeals, 'count', logAll([{ col: 'product', is: 'key' }, { col: 'date', is: 'range', over: 'products' }, { col: 'deal', is: 'value', value: YES }])),
      c('payingBuyers', P.colPayingBuyers, 'count', sumT('payingBuyers', [{ col: 'productId', is: 'key' }])),
      c('amountPaid', P.colAmountPaid, 'money', sumT('amountPaid', [{ col: 'productId', is: 'key' }])),
      c('inquiryRate', P.colInquiryRate, 'percent', ratio('inquirers', 'visitors', true, 'INQUIRY_RATE')),
      c('paidCvr', P.colPaidCvr, 'percent', ratio('payingBuyers', 'visitors', true, 'CVR')),
      c('aov', P.colAov, 'money', ratio('amountPaid', 'payingBuyers', false, 'AOV')),
      c('uvValue', P.colUvValue, 'money', ratio('amountPaid', 'visitors', false, 'UV_VALUE')),
    ],
  },
  { id: 'reconcileDaily', title: P.reconcileDaily, keyHeader: P.colDate, keyFormat: 'date', columns: reconcileColumns({ col: 'date', is: 'key' }, [{ col: 'date', is: 'key' }]) },
  {
    id: 'reconcileAgent',
    title: P.reconcileAgent,
    keyHeader: P.colAgent,
    keyFormat: 'text',
    columns: [
      c('logAll', P.colLogAll, 'count', logAll([{ col: 'agent', is: 'key' }, { col: 'date', is: 'range', over: 'agents' }])),
      c('logWangwang', P.colLogWangwang, 'count', logAll([{ col: 'agent', is: 'key' }, { col: 'date', is: 'range', over: 'agents' }, { col: 'channel', is: 'value', value: WANGWANG_CHANNEL }])),
      c('platform', P.colPlatformInquirers, 'count', sumA('inquirers', [{ col: 'agent', is: 'key' }])),
      c('gap', P.colGap, 'count', { op: 'diff', a: 'logWangwang', b: 'platform' }),
    ],
  },
];

// ---------------------------------------------------------------- keys

export interface FunnelKey {
  /** ISO date, ISO Monday, product ID or agent name. */
  key: string;
  /** Product name beside its ID. */
  label?: string;
}

export interface FunnelKeys {
  blocks: Record<BlockId, FunnelKey[]>;
  /** Days the agent table and the product rows cover: the log is counted over the same days beside them. */
  ranges: Record<RangeId, { from: string; to: string } | null>;
}

export function mondayOf(iso: string): string {
  // ISO weeks start on Monday (getUTCDay: Sunday = 0, Monday = 1).
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return serialToIso(isoToSerial(iso) - ((weekday + 6) % 7));
}

const sorted = (s: Iterable<string>) => [...new Set(s)].sort();
const isBlank = (v: unknown) => v === null || v === undefined || v === '';

export function funnelKeys(data: FunnelData): FunnelKeys {
  const shopDays = data.traffic.filter((r) => isBlank(r.productId)).map((r) => String(r.date));
  const agentDays = data.agents.map((r) => String(r.date));
  const days = sorted([...shopDays, ...agentDays]);
  const names = new Map<string, string>();
  for (const r of data.traffic) if (!isBlank(r.productId) && (!names.has(String(r.productId)) || !isBlank(r.product))) names.set(String(r.productId), isBlank(r.product) ? '' : String(r.product));
  const span = (ds: string[]) => (ds.length ? { from: sorted(ds)[0], to: sorted(ds).at(-1)! } : null);
  const range = span(agentDays);
  const productDays = data.traffic.filter((r) => !isBlank(r.productId)).map((r) => String(r.date));
  const logAgents = range ? data.log.filter((e) => e.date >= range.from && e.date <= range.to).map((e) => e.agent) : [];
  return {
    ranges: { agents: range, products: span(productDays) },
    blocks: {
      daily: days.map((key) => ({ key })),
      weekly: sorted(days.map(mondayOf)).map((key) => ({ key })),
      product: [...names.keys()].sort().map((key) => ({ key, label: names.get(key) })),
      reconcileDaily: sorted(agentDays).map((key) => ({ key })),
      reconcileAgent: sorted([...data.agents.map((r) => String(r.agent ?? '')), ...logAgents].filter(Boolean)).map((key) => ({ key })),
    },
  };
}

// ---------------------------------------------------------------- TypeScript computation

export type FunnelValue = number | null;
export interface FunnelResultRow {
  key: string;
  label?: string;
  values: Record<string, FunnelValue>;
}
export type FunnelResult = Record<BlockId, FunnelResultRow[]>;

function rowField(source: Source, row: PlatformRow | FunnelData['log'][number], col: string): unknown {
  return (row as Record<string, unknown>)[col];
}

function matches(source: Source, row: PlatformRow | FunnelData['log'][number], where: Filter[], key: FunnelKey, ranges: FunnelKeys['ranges']): boolean {
  return where.every((f) => {
    const v = rowField(source, row, f.col);
    switch (f.is) {
      case 'key':
        return String(v ?? '') === key.key && !isBlank(v);
      case 'blank':
        return isBlank(v);
      case 'value':
        return v === f.value;
      case 'week':
        return !isBlank(v) && mondayOf(String(v)) === key.key;
      case 'range': {
        const range = ranges[f.over];
        return range !== null && String(v) >= range.from && String(v) <= range.to;
      }
    }
  });
}

function ratioValue(num: FunnelValue, den: FunnelValue, bounded: boolean): FunnelValue {
  if (num === null || den === null || den <= 0 || num < 0) return null;
  if (bounded && num > den) return null;
  return num / den;
}

/**
 * Rows of a measure grouped by the value its key filter compares (the day, the Monday, the product, the agent), so
 * each block costs one pass over the rows rather than one per key (a year of product rows × 200 products).
 */
function bucketsFor(rows: readonly (PlatformRow | FunnelData['log'][number])[], where: Filter[]): Map<string, Array<PlatformRow | FunnelData['log'][number]>> {
  const keyFilter = where.find((f) => f.is === 'key' || f.is === 'week');
  const buckets = new Map<string, Array<PlatformRow | FunnelData['log'][number]>>();
  for (const row of rows) {
    let k = '';
    if (keyFilter) {
      const v = (row as Record<string, unknown>)[keyFilter.col];
      if (isBlank(v)) continue;
      k = keyFilter.is === 'week' ? mondayOf(String(v)) : String(v);
    }
    const list = buckets.get(k);
    if (list) list.push(row);
    else buckets.set(k, [row]);
  }
  return buckets;
}

export function computeFunnel(data: FunnelData, keys: FunnelKeys = funnelKeys(data)): FunnelResult {
  const result = {} as FunnelResult;
  for (const block of FUNNEL_BLOCKS) {
    const buckets = new Map<FunnelColumn, ReturnType<typeof bucketsFor>>();
    for (const col of block.columns) {
      const m = col.measure;
      if (m.op === 'sum') buckets.set(col, bucketsFor(m.source === 'traffic' ? data.traffic : data.agents, m.where));
      else if (m.op === 'count') buckets.set(col, bucketsFor(data.log, m.where));
    }
    result[block.id] = keys.blocks[block.id].map((key) => {
      const values: Record<string, FunnelValue> = {};
      for (const col of block.columns) {
        const m = col.measure;
        if (m.op === 'sum') {
          const hasKey = m.where.some((f) => f.is === 'key' || f.is === 'week');
          let s = 0;
          for (const r of buckets.get(col)!.get(hasKey ? key.key : '') ?? []) {
            const v = (r as PlatformRow)[m.col];
            if (typeof v === 'number' && matches(m.source, r, m.where, key, keys.ranges)) s += v;
          }
          values[col.id] = s;
        } else if (m.op === 'count') {
          // The product block matches log rows by product name (the log has no product IDs).
          const k = block.id === 'product' ? { key: key.label ?? '' } : key;
          let n = 0;
          for (const e of buckets.get(col)!.get(k.key) ?? []) if (matches('log', e, m.where, k, keys.ranges)) n++;
          values[col.id] = n;
        } else if (m.op === 'ratio') values[col.id] = ratioValue(values[m.num], values[m.den], m.bounded);
        else if (m.op === 'silent') {
          const silent = (values[m.paying] ?? 0) - (values[m.inquiryPaid] ?? 0);
          values[col.id] = silent < 0 ? null : ratioValue(silent, values[m.visitors], true);
        } else values[col.id] = (values[m.a] ?? 0) - (values[m.b] ?? 0);
      }
      return { key: key.key, ...(key.label !== undefined ? { label: key.label } : {}), values };
    });
  }
  return result;
}

// ---------------------------------------------------------------- sheet layout with formulas

export type GridCell = { value: string | number | null; format?: FunnelFormat } | { formula: string; format: FunnelFormat };

export interface FunnelGrid {
  /** Rows of cells from A1; title and header rows are plain text. */
  cells: GridCell[][];
  /** Where each block's data rows start (1-based sheet row) and its first value column (1-based). */
  blocks: Record<BlockId, { firstRow: number; rows: number; firstValueCol: number; columns: string[] }>;
  /** Rows that carry a title (bold) and a header (bold, filled). */
  titleRows: number[];
  headerRows: number[];
}

function tableRef(source: Source, col: string, lang: Lang): string {
  if (source === 'log') return columnRef(col as ColumnKey, lang);
  const def = source === 'traffic' ? TRAFFIC : AGENTS;
  return `${def.table}[${escapeStructuredName(platformHeader(platformColumn(source, col), lang))}]`;
}

const dateLiteral = (iso: string) => `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;

function criteriaArgs(source: Source, where: Filter[], keyCell: string, labelCell: string | null, ranges: FunnelKeys['ranges'], lang: Lang): string {
  const parts: string[] = [];
  for (const f of where) {
    const ref = tableRef(source, f.col, lang);
    if (f.is === 'key') parts.push(ref, source === 'log' && labelCell ? labelCell : keyCell);
    // "=" matches empty cells only (COUNTIF criteria rules; LibreOffice reads it the same way).
    else if (f.is === 'blank') parts.push(ref, '"="');
    else if (f.is === 'value') parts.push(ref, criterion(f.value));
    else if (f.is === 'week') parts.push(ref, `">="&${keyCell}`, ref, `"<="&(${keyCell}+6)`);
    else if (ranges[f.over]) parts.push(ref, `">="&${dateLiteral(ranges[f.over]!.from)}`, ref, `"<="&${dateLiteral(ranges[f.over]!.to)}`);
    else parts.push(ref, '"<0"'); // no agent data: count nothing
  }
  return parts.join(',');
}

function ratioFormula(m: Extract<Measure, { op: 'ratio' }>, num: string, den: string, dialect: Dialect): string {
  if (dialect === 'shop') return `=IFERROR(SHOP.${m.shop}(${num},${den}),"")`;
  const guard = m.bounded ? `OR(${den}<=0,${num}<0,${num}>${den})` : `OR(${den}<=0,${num}<0)`;
  return `=IF(${guard},"",${num}/${den})`;
}

export function funnelGrid(keys: FunnelKeys, dialect: Dialect, lang: Lang): FunnelGrid {
  const cells: GridCell[][] = [];
  const blocks = {} as FunnelGrid['blocks'];
  const titleRows: number[] = [];
  const headerRows: number[] = [];
  for (const block of FUNNEL_BLOCKS) {
    titleRows.push(cells.length + 1);
    cells.push([{ value: t(block.title, lang) }]);
    headerRows.push(cells.length + 1);
    const keyCols = block.labelHeader ? 2 : 1;
    cells.push([block.keyHeader, ...(block.labelHeader ? [block.labelHeader] : []), ...block.columns.map((x) => x.header)].map((h) => ({ value: t(h, lang) })));
    const firstRow = cells.length + 1;
    for (const [i, key] of keys.blocks[block.id].entries()) {
      const row = firstRow + i;
      const keyCell = `$A${row}`;
      const labelCell = block.labelHeader ? `$B${row}` : null;
      const at = (id: string) => `${columnLetter(keyCols + block.columns.findIndex((x) => x.id === id))}${row}`;
      const line: GridCell[] = [
        block.keyFormat === 'date' ? { value: isoToSerial(key.key), format: 'date' } : { value: key.key, format: 'text' },
        ...(block.labelHeader ? [{ value: key.label ?? '', format: 'text' as const }] : []),
      ];
      for (const col of block.columns) {
        const m = col.measure;
        let formula: string;
        if (m.op === 'sum') formula = `=SUMIFS(${tableRef(m.source, m.col, lang)},${criteriaArgs(m.source, m.where, keyCell, labelCell, keys.ranges, lang)})`;
        else if (m.op === 'count') formula = `=COUNTIFS(${criteriaArgs('log', m.where, keyCell, labelCell, keys.ranges, lang)})`;
        else if (m.op === 'ratio') formula = ratioFormula(m, at(m.num), at(m.den), dialect);
        else if (m.op === 'silent') {
          const silent = `(${at(m.paying)}-${at(m.inquiryPaid)})`;
          formula =
            dialect === 'shop'
              ? `=IF(${silent}<0,"",IFERROR(SHOP.SILENT_CVR(${silent},${at(m.visitors)}),""))`
              : `=IF(OR(${silent}<0,${at(m.visitors)}<=0,${silent}>${at(m.visitors)}),"",${silent}/${at(m.visitors)})`;
        } else formula = `=${at(m.a)}-${at(m.b)}`;
        line.push({ formula, format: col.format });
      }
      cells.push(line);
    }
    blocks[block.id] = { firstRow, rows: keys.blocks[block.id].length, firstValueCol: keyCols + 1, columns: block.columns.map((x) => x.id) };
    cells.push([]);
  }
  return { cells, blocks, titleRows, headerRows };
}
