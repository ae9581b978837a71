/**
 * The two imported platform tables (DESIGN.md "Platform data"): their columns, the headers each column is known by
 * in real exports (exports drift between versions, so every alias maps to one key), and what recognises a file.
 * Table and column names here are the single source for the CLI kit, the add-in and the pane.
 */
import { normalizeHeader, type Lang } from '../schema';

export type PlatformKind = 'traffic' | 'agents';

/** How a cell of the column is read: percent columns turn "1.52%" into 0.0152; seconds accept "1分5秒" / "00:01:05". */
export type PlatformValueType = 'date' | 'id' | 'text' | 'number' | 'percent' | 'seconds';

export interface PlatformColumn {
  key: string;
  zh: string;
  en: string;
  type: PlatformValueType;
  /** Other headers real exports use for this column (the zh and en headers are always accepted). */
  aliases: readonly string[];
}

export interface PlatformTableDef {
  kind: PlatformKind;
  /** Excel table name (also the sheet section title). */
  table: string;
  columns: readonly PlatformColumn[];
  /** The row key besides the date: product ID (blank = whole shop) or agent. */
  keyColumn: string;
  /** Columns a header row must hold for the file to be this kind. */
  signature: readonly string[];
}

const col = (key: string, zh: string, en: string, type: PlatformValueType, aliases: string[] = []): PlatformColumn => ({ key, zh, en, type, aliases });

export const TRAFFIC: PlatformTableDef = {
  kind: 'traffic',
  table: '平台流量',
  keyColumn: 'productId',
  signature: ['visitors', 'payingBuyers'],
  columns: [
    col('date', '日期', 'Date', 'date', ['统计日期', '日期']),
    col('productId', '商品ID', 'Product ID', 'id', ['商品id', '宝贝ID']),
    col('product', '商品', 'Product', 'text', ['商品名称', '商品标题', '宝贝名称']),
    col('visitors', '访客数', 'Visitors', 'number', ['商品访客数', '访客数']),
    col('pageViews', '浏览量', 'Page views', 'number', ['商品浏览量', '浏览量']),
    col('addToCart', '加购人数', 'Add-to-cart buyers', 'number', ['商品加购人数', '加购人数']),
    col('orderingBuyers', '下单买家数', 'Ordering buyers', 'number'),
    col('payingBuyers', '支付买家数', 'Paying buyers', 'number'),
    col('unitsPaid', '支付件数', 'Units paid', 'number', ['支付商品件数']),
    col('amountPaid', '支付金额', 'Amount paid', 'number'),
    col('paidCvr', '支付转化率', 'Paid conversion', 'percent', ['商品支付转化率', '支付转化率']),
    col('aov', '客单价', 'AOV', 'number'),
    col('refunds', '成功退款金额', 'Refunds', 'number', ['成功退款金额', '成功退货退款金额']),
  ],
};

export const AGENTS: PlatformTableDef = {
  kind: 'agents',
  table: '客服绩效',
  keyColumn: 'agent',
  signature: ['agent', 'inquirers'],
  columns: [
    col('date', '日期', 'Date', 'date', ['统计日期']),
    col('agent', '客服', 'Agent', 'text', ['客服', '客服昵称', '旺旺', '客服旺旺']),
    col('served', '接待人数', 'Served', 'number'),
    col('inquirers', '询单人数', 'Inquirers', 'number'),
    col('inquiryBuyers', '询单付款人数', 'Inquirers who paid', 'number', ['询单->最终付款人数', '询单->付款人数']),
    col('inquiryCvr', '询单转化率', 'Inquiry conversion', 'percent', ['询单->最终付款成功率', '询单->最终付款转化率', '询单->付款成功率']),
    col('aov', '客单价', 'AOV', 'number'),
    col('sales', '销售额', 'Sales', 'number'),
    col('avgResponse', '平均响应秒', 'Avg response s', 'seconds', ['平均响应时间', '平均响应(秒)']),
    col('firstResponse', '首次响应秒', 'First response s', 'seconds', ['首次响应时间']),
    col('replyRate', '回复率', 'Reply rate', 'percent', ['回复率', '客服回复率', '旺旺回复率']),
  ],
};

export const PLATFORM_TABLES: Readonly<Record<PlatformKind, PlatformTableDef>> = { traffic: TRAFFIC, agents: AGENTS };
export const PLATFORM_KINDS: readonly PlatformKind[] = ['traffic', 'agents'];
export const PLATFORM_SHEET = '平台数据';

/** Header text as compared: no spaces, lower case, full-width brackets and arrows folded to ASCII. */
export function normalizePlatformHeader(text: unknown): string {
  return normalizeHeader(String(text ?? ''))
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[－—→]>?/g, '->')
    .replace(/^[*＊]+|[*＊]+$/g, '');
}

const headerMaps = new Map<PlatformKind, Map<string, string>>();
for (const def of Object.values(PLATFORM_TABLES)) {
  const map = new Map<string, string>();
  for (const c of def.columns) for (const h of [c.zh, c.en, ...c.aliases]) map.set(normalizePlatformHeader(h), c.key);
  headerMaps.set(def.kind, map);
}

/** Column key of a header in one table, or undefined. */
export function platformKeyForHeader(kind: PlatformKind, header: unknown): string | undefined {
  return headerMaps.get(kind)!.get(normalizePlatformHeader(header));
}

/** Header row → key positions for one table (first occurrence wins). */
export function mapPlatformHeaders(kind: PlatformKind, headers: readonly unknown[]): Record<string, number> {
  const positions: Record<string, number> = {};
  headers.forEach((h, i) => {
    const key = platformKeyForHeader(kind, h);
    if (key !== undefined && positions[key] === undefined) positions[key] = i;
  });
  return positions;
}

export function platformHeader(column: PlatformColumn, lang: Lang): string {
  return lang === 'en-US' ? column.en : column.zh;
}

export function platformColumn(kind: PlatformKind, key: string): PlatformColumn {
  const c = PLATFORM_TABLES[kind].columns.find((x) => x.key === key);
  if (!c) throw new Error(`unknown platform column ${kind}.${key}`);
  return c;
}
