/**
 * Conversion family: shares of people (or orders) where the numerator is a subset of the denominator. All follow the
 * platform's person-based counts (生意参谋 / 千牛): a visitor is a unique visitor (UV) of the period, a buyer a unique
 * paying buyer, not an order. Rules: counts ≥ 0 (#NUM!), whole = 0 → #DIV/0!, part > whole → #NUM!.
 */
import type { Text } from '../i18n';
import { functionsText as M } from '../i18n/functions';
import { fail } from './errors';
import { finite, isBlank, nonNegative, nonZero, plainValue, show, subsetOf } from './inputs';
import { text, type FunctionSpec, type ParamSpec } from './spec';

function param(name: string, label: Text, description: Text): ParamSpec {
  return { name, label, description };
}

const P = {
  buyers: param('buyers', text('支付买家数', 'buyers'), text('支付买家数（人，去重）', 'Paying buyers (unique people)')),
  visitors: param('visitors', text('访客数', 'visitors'), text('访客数 UV（人，去重）', 'Visitors, UV (unique people)')),
  inquirers: param('inquirers', text('询单人数', 'inquirers'), text('咨询过客服的人数', 'People who asked customer service')),
  inquiryVisitors: param('visitors', text('访客数', 'visitors'), text('访客数 UV（人，去重）', 'Visitors, UV (unique people)')),
  inquiryBuyers: param(
    'inquiry_buyers',
    text('询单成交人数', 'inquiry_buyers'),
    text('咨询后付款的人数', 'Inquirers who went on to pay'),
  ),
  inquiryBase: param('inquirers', text('询单人数', 'inquirers'), text('咨询过客服的人数', 'People who asked customer service')),
  silentBuyers: param(
    'silent_buyers',
    text('静默成交人数', 'silent_buyers'),
    text('未咨询客服直接付款的人数', 'Buyers who paid without asking customer service'),
  ),
  silentBase: param(
    'base',
    text('基数', 'base'),
    text('口径为 uv 时填访客数，为 buyers 时填全部支付买家数', 'Visitors when basis is "uv"; all paying buyers when "buyers"'),
  ),
  basis: {
    name: 'basis',
    label: text('口径', 'basis'),
    description: text('"uv"（默认，除以访客数）或 "buyers"（除以全部买家数）', '"uv" (default, divide by visitors) or "buyers" (divide by all buyers)'),
    optional: true,
  } as ParamSpec,
  clicks: param('clicks', text('点击量', 'clicks'), text('点击次数（或点击人数）', 'Clicks (or clicking people)')),
  impressions: param(
    'impressions',
    text('展现量', 'impressions'),
    text('展现次数（与点击量同一口径）', 'Impressions (same basis as clicks)'),
  ),
  repeatBuyers: param(
    'repeat_buyers',
    text('复购买家数', 'repeat_buyers'),
    text('本期购买 2 次及以上的买家数', 'Buyers with 2 or more purchases in the period'),
  ),
  allBuyers: param('buyers', text('支付买家数', 'buyers'), text('本期支付买家数（人，去重）', 'Paying buyers in the period (unique people)')),
  paidAfterReminder: param(
    'paid_after_reminder',
    text('催付后付款数', 'paid_after_reminder'),
    text('催付后完成付款的订单数', 'Reminded orders that were then paid'),
  ),
  reminded: param('reminded', text('催付订单数', 'reminded'), text('被催付的未付款订单数', 'Unpaid orders that were reminded')),
  refunds: param(
    'refunds',
    text('退款金额', 'refunds'),
    text('成功退款的金额（或笔数）', 'Refunded amount (or number of refunds)'),
  ),
  payments: param(
    'payments',
    text('支付金额', 'payments'),
    text('同期支付金额（或笔数，与退款同一口径）', 'Paid amount in the period (or payments, same basis as refunds)'),
  ),
};

/** part ÷ whole where part is a subset of whole. */
function shareOf(part: unknown, whole: unknown, partSpec: ParamSpec, wholeSpec: ParamSpec): number {
  const p = nonNegative(part, partSpec.label);
  const w = nonNegative(whole, wholeSpec.label);
  nonZero(w, wholeSpec.label);
  subsetOf(p, w, partSpec.label, wholeSpec.label);
  return finite(p / w);
}

export function cvr(buyers: unknown, visitors: unknown): number {
  return shareOf(buyers, visitors, P.buyers, P.visitors);
}

export function inquiryRate(inquirers: unknown, visitors: unknown): number {
  return shareOf(inquirers, visitors, P.inquirers, P.inquiryVisitors);
}

export function inquiryCvr(inquiryBuyers: unknown, inquirers: unknown): number {
  return shareOf(inquiryBuyers, inquirers, P.inquiryBuyers, P.inquiryBase);
}

export type SilentBasis = 'uv' | 'buyers';

/** Reads the basis argument: omitted → "uv"; accepts the Chinese words too. */
export function readSilentBasis(raw: unknown): SilentBasis {
  const value = plainValue(raw);
  if (isBlank(value)) return 'uv';
  if (typeof value === 'string') {
    const key = value.trim().toLowerCase();
    if (key === 'uv' || key === 'visitors' || key === '访客' || key === '访客数') return 'uv';
    if (key === 'buyers' || key === '买家' || key === '买家数') return 'buyers';
  }
  return fail('#VALUE!', M.unknownBasis, { param: P.basis.label, value: show(value) });
}

/** Silent buyers ÷ base; the base is visitors or all buyers depending on the basis (read first: a bad basis is #VALUE!). */
export function silentCvr(silentBuyers: unknown, base: unknown, basis: unknown = null): number {
  readSilentBasis(basis);
  return shareOf(silentBuyers, base, P.silentBuyers, P.silentBase);
}

export function ctr(clicks: unknown, impressions: unknown): number {
  return shareOf(clicks, impressions, P.clicks, P.impressions);
}

export function repurchase(repeatBuyers: unknown, buyers: unknown): number {
  return shareOf(repeatBuyers, buyers, P.repeatBuyers, P.allBuyers);
}

export function remindRate(paidAfterReminder: unknown, reminded: unknown): number {
  return shareOf(paidAfterReminder, reminded, P.paidAfterReminder, P.reminded);
}

export function refundRate(refunds: unknown, payments: unknown): number {
  return shareOf(refunds, payments, P.refunds, P.payments);
}

const PERSON_BASIS = text(
  '按生意参谋 / 千牛的人数口径：访客为统计期内去重访客（UV），买家为去重支付买家，而非订单数。',
  'Uses the person-based counts of 生意参谋 / 千牛 (Taobao/Tmall analytics): visitors are unique visitors (UV) of the period and buyers are unique paying buyers, not orders.',
);

function basis(zh: string, en: string): Text {
  return text(`${zh}${PERSON_BASIS['zh-CN']}`, `${en} ${PERSON_BASIS['en-US']}`);
}

export const conversionCatalog: FunctionSpec[] = [
  {
    id: 'CVR',
    jsName: 'cvr',
    family: 'conversion',
    name: text('转化率', 'CVR'),
    description: text('支付转化率 = 支付买家数 ÷ 访客数', 'Conversion rate: paying buyers ÷ visitors'),
    basis: basis('支付转化率 = 支付买家数 ÷ 访客数。', 'Conversion rate = paying buyers ÷ visitors.'),
    params: [P.buyers, P.visitors],
    example: '=SHOP.CVR(30, 2000) → 1.5%',
  },
  {
    id: 'INQUIRY_RATE',
    jsName: 'inquiryRate',
    family: 'conversion',
    name: text('询单率', 'INQUIRY_RATE'),
    description: text('询单率 = 询单人数 ÷ 访客数', 'Inquiry rate: people who asked customer service ÷ visitors'),
    basis: basis('询单率 = 咨询客服的人数 ÷ 访客数。', 'Inquiry rate = people who asked customer service ÷ visitors.'),
    params: [P.inquirers, P.inquiryVisitors],
    example: '=SHOP.INQUIRY_RATE(160, 2000) → 8%',
  },
  {
    id: 'INQUIRY_CVR',
    jsName: 'inquiryCvr',
    family: 'conversion',
    name: text('询单转化率', 'INQUIRY_CVR'),
    description: text('询单转化率 = 询单成交人数 ÷ 询单人数', 'Inquiry conversion: inquirers who paid ÷ inquirers'),
    basis: basis(
      '询单转化率 = 咨询后付款的人数 ÷ 咨询人数（千牛客服绩效口径）。',
      'Inquiry conversion = inquirers who paid ÷ inquirers (the 千牛 customer-service performance definition).',
    ),
    params: [P.inquiryBuyers, P.inquiryBase],
    example: '=SHOP.INQUIRY_CVR(48, 160) → 30%',
  },
  {
    id: 'SILENT_CVR',
    jsName: 'silentCvr',
    family: 'conversion',
    name: text('静默转化率', 'SILENT_CVR'),
    description: text(
      '静默转化率 = 未咨询直接付款的人数 ÷ 访客数（或 ÷ 全部买家数）',
      'Silent conversion: buyers who never asked ÷ visitors (or ÷ all buyers)',
    ),
    basis: basis(
      '静默转化率 = 未咨询客服直接付款的人数 ÷ 访客数（口径 "uv"，默认）；口径 "buyers" 时 ÷ 全部支付买家数，即静默成交占比。',
      'Silent conversion = buyers who paid without asking ÷ visitors (basis "uv", the default); with basis "buyers" it is ÷ all paying buyers, the silent share of buyers.',
    ),
    params: [P.silentBuyers, P.silentBase, P.basis],
    example: '=SHOP.SILENT_CVR(12, 2000) → 0.6%',
  },
  {
    id: 'CTR',
    jsName: 'ctr',
    family: 'conversion',
    name: text('点击率', 'CTR'),
    description: text('点击率 = 点击量 ÷ 展现量', 'Click-through rate: clicks ÷ impressions'),
    basis: text(
      '点击率 = 点击量 ÷ 展现量；两者须同一口径（次数或人数），如直通车报表中的点击量与展现量。',
      'Click-through rate = clicks ÷ impressions, both on the same basis (counts or people), e.g. the clicks and impressions of a 直通车 (pay-per-click) report.',
    ),
    params: [P.clicks, P.impressions],
    example: '=SHOP.CTR(350, 10000) → 3.5%',
  },
  {
    id: 'REPURCHASE',
    jsName: 'repurchase',
    family: 'conversion',
    name: text('复购率', 'REPURCHASE'),
    description: text('复购率 = 本期购买 2 次及以上的买家数 ÷ 买家数', 'Repurchase rate: buyers with 2+ purchases ÷ buyers'),
    basis: basis(
      '复购率 = 统计期内购买 2 次及以上的买家数 ÷ 统计期内支付买家数。',
      'Repurchase rate = buyers with two or more purchases in the period ÷ paying buyers in the period.',
    ),
    params: [P.repeatBuyers, P.allBuyers],
    example: '=SHOP.REPURCHASE(45, 300) → 15%',
  },
  {
    id: 'REMIND_RATE',
    jsName: 'remindRate',
    family: 'conversion',
    name: text('催付成功率', 'REMIND_RATE'),
    description: text('催付成功率 = 催付后付款的订单数 ÷ 催付订单数', 'Payment-reminder success: reminded orders later paid ÷ reminded orders'),
    basis: text(
      '催付成功率 = 客服催付后完成付款的订单数 ÷ 被催付的未付款订单数（按订单计）。',
      'Reminder success = unpaid orders reminded by customer service and then paid ÷ reminded orders (counted in orders).',
    ),
    params: [P.paidAfterReminder, P.reminded],
    example: '=SHOP.REMIND_RATE(18, 40) → 45%',
  },
  {
    id: 'REFUND_RATE',
    jsName: 'refundRate',
    family: 'conversion',
    name: text('退款率', 'REFUND_RATE'),
    description: text('退款率 = 退款金额 ÷ 支付金额（或按笔数）', 'Refund rate: refunded ÷ paid (amounts or counts)'),
    basis: text(
      '退款率 = 成功退款金额 ÷ 同期支付金额；也可都按笔数计算，但两者须同一口径。',
      'Refund rate = refunded amount ÷ paid amount of the same period; counts of refunds and payments work too, as long as both use the same basis.',
    ),
    params: [P.refunds, P.payments],
    example: '=SHOP.REFUND_RATE(1200, 48000) → 2.5%',
  },
];
