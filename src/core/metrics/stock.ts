/**
 * Safety-stock family. Demand is per day, lead time and review period in days, the service level a fraction
 * (0.95 or 95%). The statistical formula is SS = z·√((L+R)·σd² + d²·σL²), z = Φ⁻¹(service level); without lead-time
 * variation (σL omitted) it is z·σd·√(L+R). Quantities, days and deviations cannot be negative (#NUM!).
 */
import type { Text } from '../i18n';
import { functionsText as M } from '../i18n/functions';
import { fail } from './errors';
import { finite, isBlank, nonNegative, nonZero, optionalNonNegative, parseNumericText, plainValue, required, show } from './inputs';
import { inverseNormal } from './normal';
import { text, type FunctionSpec, type ParamSpec } from './spec';

function param(name: string, zh: string, description: Text, optional = false): ParamSpec {
  return { name, label: text(zh, name), description, ...(optional ? { optional: true } : {}) };
}

const P = {
  serviceLevel: param('service_level', '服务水平', text('不缺货的概率，0 到 1 之间（如 0.95 或 95%）', 'Chance of not running out, between 0 and 1 (e.g. 0.95 or 95%)')),
  dailyDemand: param('daily_demand', '日均销量', text('平均每天的销量（件）', 'Average units sold per day')),
  safetyDays: param('safety_days', '安全天数', text('希望安全库存覆盖的天数', 'Days of sales the safety stock should cover')),
  demandSd: param('demand_sd', '日销量标准差', text('日销量的标准差（件）', 'Standard deviation of daily sales (units)')),
  leadTime: param('lead_time', '补货周期', text('从下单补货到到货的天数', 'Days from placing a replenishment order to receiving it')),
  avgDemand: param(
    'avg_demand',
    '日均销量',
    text('平均日销量（件）；仅在给出补货周期标准差时需要', 'Average daily sales (units); needed only with lead_time_sd'),
    true,
  ),
  leadTimeSd: param(
    'lead_time_sd',
    '补货周期标准差',
    text('补货周期的标准差（天）；省略时视为到货时间固定', 'Standard deviation of the lead time (days); omit when delivery time is fixed'),
    true,
  ),
  reviewDays: param(
    'review_days',
    '盘点周期',
    text('定期盘点补货的间隔天数；省略时为 0（随时补货）', 'Days between periodic stock reviews; 0 when omitted (continuous review)'),
    true,
  ),
  dailySales: param(
    'daily_sales',
    '每日销量',
    text(
      '历史每日销量，请引用表格列，如 销量[日销量]（0 为当天无销量；空白忽略，但桌面版 Excel 把空白当作 0）',
      'Past daily sales as a table column, e.g. 销量[日销量] (0 is a day with no sales; blanks ignored, but desktop Excel passes them as 0)',
    ),
  ),
  maxDaily: param('max_daily', '最大日销量', text('历史最大日销量（件）', 'Highest daily sales seen (units)')),
  maxLead: param('max_lead', '最长补货周期', text('最长补货周期（天）', 'Longest lead time seen (days)')),
  avgDaily: param('avg_daily', '平均日销量', text('平均日销量（件）', 'Average daily sales (units)')),
  avgLead: param('avg_lead', '平均补货周期', text('平均补货周期（天）', 'Average lead time (days)')),
  ropDemand: param('daily_demand', '日均销量', text('平均每天的销量（件）', 'Average units sold per day')),
  safetyStock: param('safety_stock', '安全库存', text('安全库存（件）', 'Safety stock (units)')),
};

/** A service level strictly between 0 and 1 (blank reads as 0, so it fails here too). */
function serviceLevel(value: unknown, label: Text): number {
  const p = required(value, label);
  if (!(p > 0 && p < 1)) fail('#NUM!', M.serviceLevelRange, { param: label, value: p });
  return p;
}

/** For safety stock the level must also be at least 50%: below it z < 0 and the "buffer" would be negative. */
function stockServiceLevel(value: unknown): number {
  const p = serviceLevel(value, P.serviceLevel.label);
  if (p < 0.5) fail('#NUM!', M.serviceLevelBelowHalf, { param: P.serviceLevel.label, value: p });
  return p;
}

export function serviceFactor(serviceLevelValue: unknown): number {
  return finite(inverseNormal(serviceLevel(serviceLevelValue, P.serviceLevel.label)));
}

export function ssDays(dailyDemand: unknown, safetyDays: unknown): number {
  const d = nonNegative(dailyDemand, P.dailyDemand.label);
  const days = nonNegative(safetyDays, P.safetyDays.label);
  return finite(d * days);
}

interface Variation {
  level: number;
  demandSd: number;
  leadTime: number;
  avgDemand: number | null;
  leadTimeSd: number | null;
  reviewDays: number | null;
}

/** z·√((L+R)·σd² + d²·σL²), computed with hypot so large inputs do not overflow midway. */
function statisticalSafetyStock(v: Variation): number {
  if (v.leadTimeSd !== null && v.avgDemand === null) {
    fail('#VALUE!', M.needsAvgDemand, { param: P.avgDemand.label, given: P.leadTimeSd.label });
  }
  const cover = v.leadTime + (v.reviewDays ?? 0);
  const demandPart = v.demandSd * Math.sqrt(cover);
  const leadPart = (v.avgDemand ?? 0) * (v.leadTimeSd ?? 0);
  return finite(inverseNormal(v.level) * Math.hypot(demandPart, leadPart));
}

export function safetyStock(
  serviceLevelValue: unknown,
  demandSd: unknown,
  leadTime: unknown,
  avgDemand: unknown = null,
  leadTimeSd: unknown = null,
  reviewDays: unknown = null,
): number {
  return statisticalSafetyStock({
    level: stockServiceLevel(serviceLevelValue),
    demandSd: nonNegative(demandSd, P.demandSd.label),
    leadTime: nonNegative(leadTime, P.leadTime.label),
    avgDemand: optionalNonNegative(avgDemand, P.avgDemand.label),
    leadTimeSd: optionalNonNegative(leadTimeSd, P.leadTimeSd.label),
    reviewDays: optionalNonNegative(reviewDays, P.reviewDays.label),
  });
}

/** Excel's any[][] as it is; a single value or a flat list (from code) as one column. */
function asRows(range: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(range)) return [[range]];
  return range.every(Array.isArray) ? (range as unknown[][]) : range.map((r) => (Array.isArray(r) ? r : [r]));
}

export interface SalesStats {
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1), as Excel's STDEV.S. */
  sd: number;
}

/**
 * Mean and sample standard deviation of a range of daily sales. Blank cells (null, "", spaces) are skipped; 0 is a
 * real day without sales and counts. Numeric text is read as a number; other text or TRUE/FALSE is a data error
 * (#VALUE! naming the cell) rather than silently ignored, since a stock decision rests on it. Negative sales → #NUM!.
 * Fewer than 2 numbers → #N/A. Two passes over a Float64Array keep the variance exact enough at 1,000,000 cells.
 */
export function salesStats(range: unknown): SalesStats {
  const rows = asRows(range);
  let size = 0;
  for (const row of rows) size += row.length;
  const values = new Float64Array(size);
  let n = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const cell = typeof row[c] === 'object' ? plainValue(row[c]) : row[c];
      let v: number;
      if (typeof cell === 'number') {
        v = cell;
        if (!Number.isFinite(v)) fail('#NUM!', M.notFinite, { param: P.dailySales.label });
      } else if (isBlank(cell)) {
        continue;
      } else {
        const parsed = typeof cell === 'string' ? parseNumericText(cell) : undefined;
        if (parsed === undefined) {
          fail('#VALUE!', M.badCellNumber, { param: P.dailySales.label, row: r + 1, col: c + 1, value: show(cell) });
        }
        v = parsed;
      }
      if (v < 0) fail('#NUM!', M.badCellNegative, { param: P.dailySales.label, row: r + 1, col: c + 1, value: v });
      values[n++] = v;
    }
  }
  if (n < 2) fail('#N/A', M.tooFewValues, { param: P.dailySales.label, count: n });
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares += d * d;
  }
  return { count: n, mean: finite(mean), sd: finite(Math.sqrt(squares / (n - 1))) };
}

export function ssHistory(
  dailySales: unknown,
  leadTime: unknown,
  serviceLevelValue: unknown,
  leadTimeSd: unknown = null,
  reviewDays: unknown = null,
): number {
  // Scalar arguments first (in order), then the range, so a bad lead time is reported before a short history.
  const lead = nonNegative(leadTime, P.leadTime.label);
  const level = stockServiceLevel(serviceLevelValue);
  const leadSd = optionalNonNegative(leadTimeSd, P.leadTimeSd.label);
  const review = optionalNonNegative(reviewDays, P.reviewDays.label);
  const stats = salesStats(dailySales);
  return statisticalSafetyStock({
    level,
    demandSd: stats.sd,
    leadTime: lead,
    avgDemand: stats.mean,
    leadTimeSd: leadSd,
    reviewDays: review,
  });
}

/** Max–average method: dmax·Lmax − d·L, the stock that covers the worst demand over the worst lead time. */
export function ssMaxAvg(maxDaily: unknown, maxLead: unknown, avgDaily: unknown, avgLead: unknown): number {
  const dMax = nonNegative(maxDaily, P.maxDaily.label);
  const lMax = nonNegative(maxLead, P.maxLead.label);
  const d = nonNegative(avgDaily, P.avgDaily.label);
  const l = nonNegative(avgLead, P.avgLead.label);
  if (dMax < d) fail('#NUM!', M.notAtLeast, { big: P.maxDaily.label, small: P.avgDaily.label });
  if (lMax < l) fail('#NUM!', M.notAtLeast, { big: P.maxLead.label, small: P.avgLead.label });
  return finite(dMax * lMax - d * l);
}

export function rop(dailyDemand: unknown, leadTime: unknown, safetyStock: unknown): number {
  const d = nonNegative(dailyDemand, P.ropDemand.label);
  const l = nonNegative(leadTime, P.leadTime.label);
  const s = nonNegative(safetyStock, P.safetyStock.label);
  return finite(d * l + s);
}

export function safetyDays(safetyStock: unknown, dailyDemand: unknown): number {
  const s = nonNegative(safetyStock, P.safetyStock.label);
  const d = nonNegative(dailyDemand, P.ropDemand.label);
  return finite(s / nonZero(d, P.ropDemand.label));
}

const Z_NOTE = text(
  'z 为服务水平对应的标准正态分位数（与 Excel 的 NORM.S.INV 相同）：95% → 1.645，97.5% → 1.960，99% → 2.326。',
  'z is the standard normal quantile of the service level (the same as Excel NORM.S.INV): 95% → 1.645, 97.5% → 1.960, 99% → 2.326.',
);

export const stockCatalog: FunctionSpec[] = [
  {
    id: 'SERVICE_FACTOR',
    jsName: 'serviceFactor',
    family: 'stock',
    name: text('服务系数', 'SERVICE_FACTOR'),
    description: text('服务系数 z = 服务水平的标准正态分位数', 'Service factor z: the standard normal quantile of the service level'),
    basis: text(
      `服务系数 z = Φ⁻¹(服务水平)，服务水平须大于 0 且小于 1。${Z_NOTE['zh-CN']}`,
      `Service factor z = Φ⁻¹(service level); the level must be greater than 0 and less than 1. ${Z_NOTE['en-US']}`,
    ),
    params: [P.serviceLevel],
    example: '=SHOP.SERVICE_FACTOR(95%) → 1.644854',
  },
  {
    id: 'SS_DAYS',
    jsName: 'ssDays',
    family: 'stock',
    name: text('安全库存天数法', 'SS_DAYS'),
    description: text('安全库存 = 日均销量 × 安全天数', 'Days-of-cover safety stock: daily demand × safety days'),
    basis: text(
      '天数法安全库存 = 日均销量 × 希望覆盖的天数。例如 52 单/天 × 16.7 天 ≈ 868 件；只备 800 件仅能覆盖约 15.4 天。',
      'Days-of-cover safety stock = daily demand × days to cover. E.g. 52 a day × 16.7 days ≈ 868 units; keeping only 800 covers about 15.4 days.',
    ),
    params: [P.dailyDemand, P.safetyDays],
    example: '=SHOP.SS_DAYS(52, 16.7) → 868.4',
  },
  {
    id: 'SAFETY_STOCK',
    jsName: 'safetyStock',
    family: 'stock',
    name: text('安全库存', 'SAFETY_STOCK'),
    description: text(
      '统计法安全库存 = z × √((补货周期+盘点周期) × 日销量标准差² + 日均销量² × 补货周期标准差²)',
      'Statistical safety stock: z × √((L + R) × σd² + d² × σL²)',
    ),
    basis: text(
      `统计法安全库存 = z·√((L+R)·σd² + d²·σL²)，L 补货周期、R 盘点周期、σd 日销量标准差、d 日均销量、σL 补货周期标准差；省略 σL 时为 z·σd·√(L+R)，此时无需日均销量。服务水平须在 50% 到 100% 之间。${Z_NOTE['zh-CN']}`,
      `Statistical safety stock = z·√((L+R)·σd² + d²·σL²) with L the lead time, R the review period, σd the deviation of daily sales, d the average daily sales and σL the deviation of the lead time; without σL it is z·σd·√(L+R) and the average is not needed. The service level must be from 50% up to 100%. ${Z_NOTE['en-US']}`,
    ),
    params: [P.serviceLevel, P.demandSd, P.leadTime, P.avgDemand, P.leadTimeSd, P.reviewDays],
    example: '=SHOP.SAFETY_STOCK(95%, 20, 5) → 73.56',
  },
  {
    id: 'SS_HISTORY',
    jsName: 'ssHistory',
    family: 'stock',
    name: text('历史安全库存', 'SS_HISTORY'),
    description: text(
      '按历史日销量计算统计法安全库存（均值与样本标准差取自销量区域）',
      'Statistical safety stock from a range of past daily sales (mean and sample deviation)',
    ),
    basis: text(
      '与 SAFETY_STOCK 相同的公式，d 取销量区域的平均值，σd 取样本标准差（同 STDEV.S）。空白单元格忽略，0 视为当天无销量；少于 2 个数值时返回 #N/A；文字或 TRUE/FALSE 返回 #VALUE! 并指出所在单元格。注意：Excel 桌面版会把区域中的空白单元格以 0 传给函数（计为当天无销量，拉低均值、放大标准差），请引用表格列（如 销量[日销量]），不要引用整列，也不要留空行。',
      'The SAFETY_STOCK formula with d = the mean and σd = the sample standard deviation (as STDEV.S) of the sales range. Blank cells are ignored and 0 is a day without sales; fewer than 2 numbers gives #N/A; text or TRUE/FALSE gives #VALUE! naming the cell. Note: Excel desktop passes empty cells of a range as 0 (counted as a day without sales, which lowers the mean and widens the deviation), so point it at a table column (e.g. 销量[日销量]) rather than a whole sheet column, and leave no blank rows.',
    ),
    params: [P.dailySales, P.leadTime, P.serviceLevel, P.leadTimeSd, P.reviewDays],
    example: '=SHOP.SS_HISTORY(B2:B91, 7, 95%)',
  },
  {
    id: 'SS_MAXAVG',
    jsName: 'ssMaxAvg',
    family: 'stock',
    name: text('极值法安全库存', 'SS_MAXAVG'),
    description: text(
      '极值法安全库存 = 最大日销量 × 最长补货周期 − 平均日销量 × 平均补货周期',
      'Max–average safety stock: max daily × max lead − average daily × average lead',
    ),
    basis: text(
      '极值法安全库存 = dmax·Lmax − d·L：按最坏的销量和最慢的到货备足缓冲，不需要标准差，结果通常偏保守。',
      'Max–average safety stock = dmax·Lmax − d·L: enough buffer for the worst sales over the slowest delivery; needs no standard deviation and is usually conservative.',
    ),
    params: [P.maxDaily, P.maxLead, P.avgDaily, P.avgLead],
    example: '=SHOP.SS_MAXAVG(60, 12, 30, 10) → 420',
  },
  {
    id: 'ROP',
    jsName: 'rop',
    family: 'stock',
    name: text('再订货点', 'ROP'),
    description: text('再订货点 = 日均销量 × 补货周期 + 安全库存', 'Reorder point: daily demand × lead time + safety stock'),
    basis: text(
      '再订货点 = d·L + 安全库存：库存降到这个数就该下补货单。例如 30 件/天 × 10 天 + 500 = 800。',
      'Reorder point = d·L + safety stock: order more when stock falls to it. E.g. 30 a day × 10 days + 500 = 800.',
    ),
    params: [P.ropDemand, P.leadTime, P.safetyStock],
    example: '=SHOP.ROP(30, 10, 500) → 800',
  },
  {
    id: 'SAFETY_DAYS',
    jsName: 'safetyDays',
    family: 'stock',
    name: text('安全天数', 'SAFETY_DAYS'),
    description: text('安全天数 = 安全库存 ÷ 日均销量', 'Days of cover: safety stock ÷ daily demand'),
    basis: text(
      '安全天数 = 安全库存 ÷ 日均销量：缓冲库存能撑多少天。例如 500 ÷ 30 ≈ 16.7 天。',
      'Days of cover = safety stock ÷ daily demand: how many days the buffer lasts. E.g. 500 ÷ 30 ≈ 16.7 days.',
    ),
    params: [P.safetyStock, P.ropDemand],
    example: '=SHOP.SAFETY_DAYS(500, 30) → 16.67',
  },
];
