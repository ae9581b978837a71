/**
 * The inquiry log (询盘统计) as data: every column, list and calculated column of the template.
 * Everything else — template writers, validation, reports, the CLI — derives from this file,
 * so a column is added here once and appears everywhere.
 */

import { isoToSerial, monthOf, serialToIso } from './dates';

export type Lang = 'zh-CN' | 'en-US';

/** Stable column keys (codes). Headers are looked up by text (zh or en), never by position. */
export type ColumnKey =
  | 'date'
  | 'agent'
  | 'customerId'
  | 'customerType'
  | 'newOrReturning'
  | 'channel'
  | 'region'
  | 'product'
  | 'quantity'
  | 'amount'
  | 'deal'
  | 'dealType'
  | 'noDealReason'
  | 'followUp'
  | 'nextFollowUp'
  | 'note'
  | 'dealFlag'
  | 'month';

/** The calculated columns (formulas written by the template, read-only for people). */
export type CalcKey = 'dealFlag' | 'month';

/** Columns a person fills in; the calculated ones are excluded. */
export type InputKey = Exclude<ColumnKey, CalcKey>;

export type ListKey =
  | 'agent'
  | 'customerType'
  | 'newOrReturning'
  | 'channel'
  | 'region'
  | 'product'
  | 'deal'
  | 'dealType'
  | 'noDealReason'
  | 'followUp';

export type ColumnType = 'date' | 'list' | 'text' | 'int' | 'decimal' | 'calc';

export interface ColumnDef {
  key: ColumnKey;
  /** What the cell holds when read back: a date column and 月份 hold Excel date serials. */
  holdsDate?: boolean;
  zh: string;
  en: string;
  type: ColumnType;
  /** The dictionary list a 'list' column draws its values from. */
  list?: ListKey;
  /** Product and agent (the shop's own lists): a value outside the list is a warning ("add to 字典"), not an error. */
  freeTextAllowed?: boolean;
  /** Always required, whatever the other fields say (conditional rules live in validation). */
  required: boolean;
  maxLength?: number;
  /** Excel number format; '@' = text, so user text is never parsed as a formula. */
  numberFormat: string;
  /** Column width in Excel character units. */
  width: number;
}

export const TEMPLATE_ID = 'shop-stats/inquiry-log';
/**
 * 1: validation and highlight rules on 5,000 spare rows below the log table (they can stop Excel growing it).
 * 2: rules only on the log table's columns, which Excel carries along as the table grows.
 */
export const TEMPLATE_VERSION = 2;

export const LOG_SHEET = '询盘统计';
export const LOG_TABLE = '询盘统计';
export const DICT_SHEET = '字典';
export const REPORT_SHEET = '报表';
/** Key/value table on the 字典 sheet holding the template identity and version (readable by add-in and CLI). */
export const META_TABLE = 'Meta_Template';
/**
 * Keys of the template identity stamp (table Meta_Template on 字典, key/value rows). agency and client are written
 * into the workbooks an agency hands its clients; `collect` uses client to know whose rows these are.
 */
export const META_KEYS = { templateId: 'templateId', version: 'version', agency: 'agency', client: 'client' } as const;

/** The identity stamp as read back from a workbook (null where a key is absent). */
export interface TemplateIdentity {
  templateId: string | null;
  version: number | null;
  agency: string | null;
  client: string | null;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONTH_FORMAT = 'yyyy-mm';
export const AMOUNT_FORMAT = '#,##0.00';
export const TEXT_FORMAT = '@';

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'date', holdsDate: true, zh: '日期', en: 'Date', type: 'date', required: true, numberFormat: DATE_FORMAT, width: 12 },
  { key: 'agent', zh: '客服', en: 'Agent', type: 'list', list: 'agent', freeTextAllowed: true, required: true, numberFormat: TEXT_FORMAT, width: 10 },
  { key: 'customerId', zh: '客户ID', en: 'Customer ID', type: 'text', required: true, maxLength: 64, numberFormat: TEXT_FORMAT, width: 16 },
  { key: 'customerType', zh: '客户类型', en: 'Customer type', type: 'list', list: 'customerType', required: true, numberFormat: TEXT_FORMAT, width: 10 },
  { key: 'newOrReturning', zh: '新老客', en: 'New/returning', type: 'list', list: 'newOrReturning', required: true, numberFormat: TEXT_FORMAT, width: 8 },
  { key: 'channel', zh: '询盘渠道', en: 'Channel', type: 'list', list: 'channel', required: true, numberFormat: TEXT_FORMAT, width: 12 },
  { key: 'region', zh: '地区', en: 'Region', type: 'list', list: 'region', required: true, numberFormat: TEXT_FORMAT, width: 8 },
  { key: 'product', zh: '商品', en: 'Product', type: 'list', list: 'product', freeTextAllowed: true, required: true, numberFormat: TEXT_FORMAT, width: 16 },
  { key: 'quantity', zh: '数量', en: 'Quantity', type: 'int', required: false, numberFormat: '0', width: 8 },
  { key: 'amount', zh: '成交金额', en: 'Amount (CNY)', type: 'decimal', required: false, numberFormat: AMOUNT_FORMAT, width: 12 },
  { key: 'deal', zh: '是否成交', en: 'Deal', type: 'list', list: 'deal', required: true, numberFormat: TEXT_FORMAT, width: 8 },
  { key: 'dealType', zh: '交易类型', en: 'Deal type', type: 'list', list: 'dealType', required: false, numberFormat: TEXT_FORMAT, width: 10 },
  { key: 'noDealReason', zh: '未成交原因', en: 'No-deal reason', type: 'list', list: 'noDealReason', required: false, numberFormat: TEXT_FORMAT, width: 12 },
  { key: 'followUp', zh: '跟进情况', en: 'Follow-up', type: 'list', list: 'followUp', required: false, numberFormat: TEXT_FORMAT, width: 10 },
  { key: 'nextFollowUp', holdsDate: true, zh: '下次跟进', en: 'Next follow-up', type: 'date', required: false, numberFormat: DATE_FORMAT, width: 12 },
  { key: 'note', zh: '备注', en: 'Note', type: 'text', required: false, maxLength: 255, numberFormat: TEXT_FORMAT, width: 24 },
  { key: 'dealFlag', zh: '成交标记', en: 'Deal flag', type: 'calc', required: false, numberFormat: '0', width: 8 },
  { key: 'month', holdsDate: true, zh: '月份', en: 'Month', type: 'calc', required: false, numberFormat: MONTH_FORMAT, width: 9 },
];

export const INPUT_KEYS: readonly InputKey[] = COLUMNS.filter((c) => c.type !== 'calc').map((c) => c.key as InputKey);
export const CALC_KEYS: readonly CalcKey[] = COLUMNS.filter((c) => c.type === 'calc').map((c) => c.key as CalcKey);

export function isCalcKey(key: ColumnKey | undefined): key is CalcKey {
  return key !== undefined && column(key).type === 'calc';
}

const byKey = new Map<ColumnKey, ColumnDef>(COLUMNS.map((c) => [c.key, c]));
export function column(key: ColumnKey): ColumnDef {
  const def = byKey.get(key);
  if (!def) throw new Error(`Unknown column key: ${key}`);
  return def;
}

export function header(key: ColumnKey, lang: Lang): string {
  const def = column(key);
  return lang === 'en-US' ? def.en : def.zh;
}

/** Header text (zh or en, case- and space-insensitive) → column key. */
const headerIndex = new Map<string, ColumnKey>();
for (const c of COLUMNS) {
  headerIndex.set(normalizeHeader(c.zh), c.key);
  headerIndex.set(normalizeHeader(c.en), c.key);
}
export function normalizeHeader(text: string): string {
  return String(text).replace(/[\s\u3000]+/g, '').toLowerCase();
}
export function keyForHeader(text: unknown): ColumnKey | undefined {
  if (text === null || text === undefined) return undefined;
  return headerIndex.get(normalizeHeader(String(text)));
}

/**
 * Map a header row to column keys. Unknown headers (the user's own columns) map to undefined and are kept.
 * A header that appears twice keeps its first position.
 */
export function mapHeaders(headers: readonly unknown[]): { positions: Partial<Record<ColumnKey, number>>; missing: ColumnKey[]; extra: string[] } {
  const positions: Partial<Record<ColumnKey, number>> = {};
  const extra: string[] = [];
  headers.forEach((h, i) => {
    const key = keyForHeader(h);
    if (key === undefined) extra.push(String(h ?? ''));
    else if (positions[key] === undefined) positions[key] = i;
  });
  const missing = COLUMNS.map((c) => c.key).filter((k) => positions[k] === undefined);
  return { positions, missing, extra };
}

// ---------------------------------------------------------------- lists

export interface ListItem {
  /** Canonical value stored in the workbook (the same in zh and en templates, so merges compare). */
  value: string;
  en: string;
}

export interface ListDef {
  key: ListKey;
  zh: string;
  en: string;
  /** Table on sheet 字典 holding the items (one column). */
  tableName: string;
  /** Workbook name used as the data-validation source. */
  rangeName: string;
  /** Users (agencies, shops) are expected to edit this list: agents, products. */
  userList: boolean;
  items: readonly ListItem[];
}

const items = (pairs: ReadonlyArray<readonly [string, string]>): ListItem[] => pairs.map(([value, en]) => ({ value, en }));

export const REGIONS: readonly ListItem[] = items([
  ['北京', 'Beijing'], ['天津', 'Tianjin'], ['上海', 'Shanghai'], ['重庆', 'Chongqing'],
  ['河北', 'Hebei'], ['山西', 'Shanxi'], ['辽宁', 'Liaoning'], ['吉林', 'Jilin'], ['黑龙江', 'Heilongjiang'],
  ['江苏', 'Jiangsu'], ['浙江', 'Zhejiang'], ['安徽', 'Anhui'], ['福建', 'Fujian'], ['江西', 'Jiangxi'],
  ['山东', 'Shandong'], ['河南', 'Henan'], ['湖北', 'Hubei'], ['湖南', 'Hunan'], ['广东', 'Guangdong'],
  ['海南', 'Hainan'], ['四川', 'Sichuan'], ['贵州', 'Guizhou'], ['云南', 'Yunnan'], ['陕西', 'Shaanxi'],
  ['甘肃', 'Gansu'], ['青海', 'Qinghai'], ['台湾', 'Taiwan'],
  ['内蒙古', 'Inner Mongolia'], ['广西', 'Guangxi'], ['西藏', 'Tibet'], ['宁夏', 'Ningxia'], ['新疆', 'Xinjiang'],
  ['香港', 'Hong Kong'], ['澳门', 'Macao'],
  ['海外', 'Overseas'],
]);

export const LISTS: Readonly<Record<ListKey, ListDef>> = {
  agent: { key: 'agent', zh: '客服', en: 'Agent', tableName: 'Dict_Agent', rangeName: 'List_Agent', userList: true, items: items([['客服1', 'Agent 1'], ['客服2', 'Agent 2']]) },
  customerType: {
    key: 'customerType', zh: '客户类型', en: 'Customer type', tableName: 'Dict_CustomerType', rangeName: 'List_CustomerType', userList: false,
    items: items([['零售客户', 'Retail'], ['批发商', 'Wholesaler'], ['分销商', 'Distributor'], ['代理加盟', 'Franchise agent']]),
  },
  newOrReturning: { key: 'newOrReturning', zh: '新老客', en: 'New/returning', tableName: 'Dict_NewReturning', rangeName: 'List_NewReturning', userList: false, items: items([['新客', 'New'], ['老客', 'Returning']]) },
  channel: {
    key: 'channel', zh: '询盘渠道', en: 'Channel', tableName: 'Dict_Channel', rangeName: 'List_Channel', userList: false,
    items: items([['旺旺/千牛', 'Wangwang/Qianniu'], ['电话', 'Phone'], ['微信', 'WeChat'], ['QQ', 'QQ'], ['1688询价单', '1688 RFQ'], ['邮件', 'Email'], ['其他', 'Other']]),
  },
  region: { key: 'region', zh: '地区', en: 'Region', tableName: 'Dict_Region', rangeName: 'List_Region', userList: false, items: REGIONS },
  product: { key: 'product', zh: '商品', en: 'Product', tableName: 'Dict_Product', rangeName: 'List_Product', userList: true, items: items([['示例商品A', 'Sample product A'], ['示例商品B', 'Sample product B']]) },
  deal: { key: 'deal', zh: '是否成交', en: 'Deal', tableName: 'Dict_Deal', rangeName: 'List_Deal', userList: false, items: items([['是', 'Yes'], ['否', 'No']]) },
  dealType: {
    key: 'dealType', zh: '交易类型', en: 'Deal type', tableName: 'Dict_DealType', rangeName: 'List_DealType', userList: false,
    items: items([['零售', 'Retail'], ['批发', 'Wholesale'], ['分销代发', 'Drop-shipping'], ['定制/预售', 'Custom/pre-sale']]),
  },
  noDealReason: {
    key: 'noDealReason', zh: '未成交原因', en: 'No-deal reason', tableName: 'Dict_NoDealReason', rangeName: 'List_NoDealReason', userList: false,
    items: items([
      ['价格高', 'Price too high'], ['运费/物流', 'Shipping/logistics'], ['质量顾虑', 'Quality concerns'], ['缺货/断码', 'Out of stock/sizes'],
      ['起批量大', 'Minimum order too large'], ['比价中', 'Comparing prices'], ['付款问题', 'Payment problem'], ['未回复', 'No reply'], ['其他', 'Other'],
    ]),
  },
  followUp: {
    key: 'followUp', zh: '跟进情况', en: 'Follow-up', tableName: 'Dict_FollowUp', rangeName: 'List_FollowUp', userList: false,
    items: items([['待跟进', 'To follow up'], ['已跟进', 'Followed up'], ['已转化', 'Converted'], ['已流失', 'Lost']]),
  },
};

export const LIST_KEYS = Object.keys(LISTS) as ListKey[];

/** Current list contents, as read from the workbook's 字典 (an agency's own lists) or the defaults. */
export type ListValues = Record<ListKey, string[]>;

export function defaultListValues(): ListValues {
  const out = {} as ListValues;
  for (const k of LIST_KEYS) out[k] = LISTS[k].items.map((i) => i.value);
  return out;
}

/** Display label for a canonical list value in the given language (unknown values show as they are). */
export function listLabel(list: ListKey, value: string, lang: Lang): string {
  if (lang === 'zh-CN') return value;
  const item = LISTS[list].items.find((i) => i.value === value);
  return item ? item.en : value;
}

export const YES = '是';
export const NO = '否';
export const FOLLOW_UP_PENDING = '待跟进';

// ---------------------------------------------------------------- calculated columns

/**
 * The header text a formula must use for a column: the canonical one of a language, or — for an adopted table whose
 * headers are spelt differently ("Customer id", "客户 ID") — the table's own text, since a structured reference or a
 * pivot hierarchy only resolves with the exact header.
 */
export type HeaderSource = Lang | readonly string[];

export function headerText(key: ColumnKey, source: HeaderSource): string {
  if (typeof source === 'string') return header(key, source);
  const at = mapHeaders(source).positions[key];
  return at !== undefined ? String(source[at]) : header(key, 'zh-CN');
}

/**
 * A calculated column's formula: 成交标记 `IF(是否成交="是",1,0)`, 月份 the first day of the date's month
 * (DATE/YEAR/MONTH, because TEXT() format codes change with Excel's language).
 * `Table[[#This Row],[col]]` rather than `[@col]`: LibreOffice rejects the short form.
 */
export function calcFormula(key: CalcKey, headers: HeaderSource, tableName: string = LOG_TABLE): string {
  const ref = (k: ColumnKey) => `${tableName}[[#This Row],[${escapeStructuredName(headerText(k, headers))}]]`;
  if (key === 'dealFlag') return `=IF(${ref('deal')}="${YES}",1,0)`;
  return `=IF(${ref('date')}="","",DATE(YEAR(${ref('date')}),MONTH(${ref('date')}),1))`;
}

/**
 * What a calculated column computes for a row, given the row's cells by key (dates as Excel serials): the same
 * result as calcFormula, for the in-memory workbook and the kit's cached results.
 */
export function calcValue(key: CalcKey, cell: (k: ColumnKey) => unknown): number | '' {
  if (key === 'dealFlag') return cell('deal') === YES ? 1 : 0;
  const d = cell('date');
  return typeof d === 'number' && d > 0 ? isoToSerial(monthOf(serialToIso(d))) : '';
}

/** Escape the characters that structured references require to be quoted with an apostrophe. */
export function escapeStructuredName(name: string): string {
  return name.replace(/(['#\[\]])/g, "'$1");
}

/** Name formula for a list's validation source: the dictionary table's single column, so it grows with the table. */
export function listRefersTo(list: ListKey, lang: Lang): string {
  const def = LISTS[list];
  return `=${def.tableName}[${escapeStructuredName(lang === 'en-US' ? def.en : def.zh)}]`;
}

/** One log row with canonical values: dates as ISO yyyy-mm-dd, numbers as numbers, empty as null. */
export interface LogEntry {
  date: string;
  agent: string;
  customerId: string;
  customerType: string;
  newOrReturning: string;
  channel: string;
  region: string;
  product: string;
  quantity: number | null;
  amount: number | null;
  deal: string;
  dealType: string | null;
  noDealReason: string | null;
  followUp: string | null;
  nextFollowUp: string | null;
  note: string | null;
}
