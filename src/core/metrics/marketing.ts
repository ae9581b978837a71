/**
 * Value and promotion family: money per person, return on ad spend, and the daily order forecast operators plan
 * stock with (UV × CVR). Amounts and counts cannot be negative (#NUM!); a zero divisor is #DIV/0!.
 */
import { functionsText as M } from '../i18n/functions';
import { fail } from './errors';
import { finite, nonNegative, nonZero, optionalNonNegative, required } from './inputs';
import { text, type FunctionSpec, type ParamSpec } from './spec';

const P: Record<string, ParamSpec> = {
  revenue: {
    name: 'revenue',
    label: text('支付金额', 'revenue'),
    description: text('统计期内支付金额（元）', 'Paid amount in the period (CNY)'),
  },
  visitors: {
    name: 'visitors',
    label: text('访客数', 'visitors'),
    description: text('访客数 UV（人，去重）', 'Visitors, UV (unique people)'),
  },
  buyers: {
    name: 'buyers',
    label: text('支付买家数', 'buyers'),
    description: text('支付买家数（人，去重）', 'Paying buyers (unique people)'),
  },
  adRevenue: {
    name: 'revenue',
    label: text('推广成交金额', 'revenue'),
    description: text('推广带来的成交金额（元）', 'Revenue from the promotion (CNY)'),
  },
  cost: {
    name: 'cost',
    label: text('推广花费', 'cost'),
    description: text('推广花费（元）', 'Promotion spend (CNY)'),
  },
  grossMargin: {
    name: 'gross_margin',
    label: text('毛利率', 'gross_margin'),
    description: text('毛利率，大于 0 且不超过 1（如 0.3 或 30%）', 'Gross margin, above 0 and at most 1 (e.g. 0.3 or 30%)'),
  },
  forecastVisitors: {
    name: 'visitors',
    label: text('日访客数', 'visitors'),
    description: text('预计日访客数 UV', 'Expected daily visitors (UV)'),
  },
  cvr: {
    name: 'cvr',
    label: text('转化率', 'cvr'),
    description: text('预计转化率，0 到 1（如 0.015 或 1.5%）', 'Expected conversion rate, 0 to 1 (e.g. 0.015 or 1.5%)'),
  },
  unitsPerOrder: {
    name: 'units_per_order',
    label: text('每单件数', 'units_per_order'),
    description: text('每单平均件数，省略时为 1（结果为单数）', 'Average units per order; 1 when omitted (result in orders)'),
    optional: true,
  },
};

export function uvValue(revenue: unknown, visitors: unknown): number {
  const r = nonNegative(revenue, P.revenue.label);
  const v = nonNegative(visitors, P.visitors.label);
  return finite(r / nonZero(v, P.visitors.label));
}

export function aov(revenue: unknown, buyers: unknown): number {
  const r = nonNegative(revenue, P.revenue.label);
  const b = nonNegative(buyers, P.buyers.label);
  return finite(r / nonZero(b, P.buyers.label));
}

export function roi(revenue: unknown, cost: unknown): number {
  const r = nonNegative(revenue, P.adRevenue.label);
  const c = nonNegative(cost, P.cost.label);
  return finite(r / nonZero(c, P.cost.label));
}

/** 1 ÷ margin: the ROI at which promotion neither earns nor loses. A margin of 0 can never break even (#DIV/0!). */
export function breakevenRoi(grossMargin: unknown): number {
  const m = required(grossMargin, P.grossMargin.label);
  if (m < 0 || m > 1) fail('#NUM!', M.marginRange, { param: P.grossMargin.label, value: m });
  return finite(1 / nonZero(m, P.grossMargin.label));
}

/** Daily orders (or units) = UV × CVR × units per order. */
export function orders(visitors: unknown, cvr: unknown, unitsPerOrder: unknown = null): number {
  const v = nonNegative(visitors, P.forecastVisitors.label);
  const c = required(cvr, P.cvr.label);
  if (c < 0 || c > 1) fail('#NUM!', M.notFraction, { param: P.cvr.label, value: c });
  const u = optionalNonNegative(unitsPerOrder, P.unitsPerOrder.label) ?? 1;
  return finite(v * c * u);
}

export const marketingCatalog: FunctionSpec[] = [
  {
    id: 'UV_VALUE',
    jsName: 'uvValue',
    family: 'marketing',
    name: text('UV价值', 'UV_VALUE'),
    description: text('UV 价值 = 支付金额 ÷ 访客数（= 转化率 × 客单价）', 'Value per visitor: revenue ÷ visitors (= CVR × AOV)'),
    basis: text(
      'UV 价值 = 支付金额 ÷ 访客数，等于转化率 × 客单价；访客为生意参谋的去重访客（UV）。',
      'UV value = paid amount ÷ visitors, which equals CVR × AOV; visitors are the unique visitors (UV) of 生意参谋.',
    ),
    params: [P.revenue, P.visitors],
    example: '=SHOP.UV_VALUE(4500, 2000) → 2.25',
  },
  {
    id: 'AOV',
    jsName: 'aov',
    family: 'marketing',
    name: text('客单价', 'AOV'),
    description: text('客单价 = 支付金额 ÷ 支付买家数', 'Average order value: revenue ÷ paying buyers'),
    basis: text(
      '客单价 = 支付金额 ÷ 支付买家数（生意参谋按人计算，不是按订单数）。',
      'AOV = paid amount ÷ paying buyers (生意参谋 divides by people, not by orders).',
    ),
    params: [P.revenue, P.buyers],
    example: '=SHOP.AOV(4500, 30) → 150',
  },
  {
    id: 'ROI',
    jsName: 'roi',
    family: 'marketing',
    name: text('投产比', 'ROI'),
    description: text('投产比 = 推广成交金额 ÷ 推广花费', 'Return on ad spend: promotion revenue ÷ spend'),
    basis: text(
      '投产比（ROI）= 推广带来的成交金额 ÷ 推广花费，与直通车 / 万相台报表中的投入产出比一致。',
      'ROI = revenue from the promotion ÷ spend, as in the 直通车 / 万相台 ad reports (return on ad spend).',
    ),
    params: [P.adRevenue, P.cost],
    example: '=SHOP.ROI(6000, 1500) → 4',
  },
  {
    id: 'BREAKEVEN_ROI',
    jsName: 'breakevenRoi',
    family: 'marketing',
    name: text('保本投产比', 'BREAKEVEN_ROI'),
    description: text('保本投产比 = 1 ÷ 毛利率', 'Break-even ROI: 1 ÷ gross margin'),
    basis: text(
      '保本投产比 = 1 ÷ 毛利率：投产比高于它推广才赚钱。毛利率为 0 时无法保本（#DIV/0!）。',
      'Break-even ROI = 1 ÷ gross margin: promotion earns money only above it. A margin of 0 can never break even (#DIV/0!).',
    ),
    params: [P.grossMargin],
    example: '=SHOP.BREAKEVEN_ROI(40%) → 2.5',
  },
  {
    id: 'ORDERS',
    jsName: 'orders',
    family: 'marketing',
    name: text('预计单量', 'ORDERS'),
    description: text('预计日单量 = 访客数 × 转化率 × 每单件数', 'Forecast daily orders (or units): visitors × CVR × units per order'),
    basis: text(
      '预计日单量 = 日访客数 × 转化率（× 每单件数时得到件数），用于安排备货：例如 2000 × 1.5% = 30 单/天。',
      'Forecast daily orders = daily visitors × conversion rate (× units per order gives units), used to plan stock: e.g. 2000 × 1.5% = 30 orders a day.',
    ),
    params: [P.forecastVisitors, P.cvr, P.unitsPerOrder],
    example: '=SHOP.ORDERS(2000, 1.5%) → 30',
  },
];
