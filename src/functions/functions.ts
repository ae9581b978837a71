/**
 * The SHOP.* custom functions. Each is a thin wrapper over src/core/metrics: it passes Excel's arguments through
 * unchanged (omitted optionals arrive as null, ranges as any[][]) and turns a MetricError into a
 * `CustomFunctions.Error` with the same code and a message in Excel's display language.
 *
 * custom-functions-metadata-plugin reads the JSDoc below to write functions.json and appends the
 * `CustomFunctions.associate` calls at build time, so this file stays importable in tests. The English texts must
 * equal the catalog's (test/functions/metadata.test.ts checks it); the Chinese ones come from the catalog at build.
 * Parameters are typed `any` so that every input reaches core, which alone decides how text, blanks and TRUE/FALSE
 * are read; parameter names are snake_case because Excel shows them to users, as it does its own (criteria_range).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as metrics from '../core/metrics';
import { errorLanguage, toCustomFunctionsError } from './errors';

/**
 * The arguments of a repeating parameter. Omitted, Excel may pass null, an empty array or an array of nulls; all
 * mean "no criteria".
 */
function repeated(values: any[][][] | null | undefined): unknown[] {
  if (!Array.isArray(values)) return [];
  return values.every((v) => v === null || v === undefined) ? [] : values;
}

/** Runs one metric and converts its failure into the error Excel shows in the cell. */
function run(compute: () => number): number {
  try {
    return compute();
  } catch (err) {
    throw toCustomFunctionsError(err, errorLanguage());
  }
}

/**
 * Conversion rate: paying buyers ÷ visitors
 * @customfunction CVR
 * @param buyers Paying buyers (unique people)
 * @param visitors Visitors, UV (unique people)
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#cvr
 */
export function cvr(buyers: any, visitors: any): number {
  return run(() => metrics.cvr(buyers, visitors));
}

/**
 * Inquiry rate: people who asked customer service ÷ visitors
 * @customfunction INQUIRY_RATE
 * @param inquirers People who asked customer service
 * @param visitors Visitors, UV (unique people)
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#inquiry_rate
 */
export function inquiryRate(inquirers: any, visitors: any): number {
  return run(() => metrics.inquiryRate(inquirers, visitors));
}

/**
 * Inquiry conversion: inquirers who paid ÷ inquirers
 * @customfunction INQUIRY_CVR
 * @param inquiry_buyers Inquirers who went on to pay
 * @param inquirers People who asked customer service
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#inquiry_cvr
 */
export function inquiryCvr(inquiry_buyers: any, inquirers: any): number {
  return run(() => metrics.inquiryCvr(inquiry_buyers, inquirers));
}

/**
 * Silent conversion: buyers who never asked ÷ visitors (or ÷ all buyers)
 * @customfunction SILENT_CVR
 * @param silent_buyers Buyers who paid without asking customer service
 * @param base Visitors when basis is "uv"; all paying buyers when "buyers"
 * @param basis "uv" (default, divide by visitors) or "buyers" (divide by all buyers)
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#silent_cvr
 */
export function silentCvr(silent_buyers: any, base: any, basis?: any): number {
  return run(() => metrics.silentCvr(silent_buyers, base, basis));
}

/**
 * Inquiry deal rate: share of 是 (yes) among the non-blank cells of a deal column, with optional COUNTIFS-style criteria
 * @customfunction DEAL_RATE
 * @param deal_range The deal table column, e.g. 询盘统计[是否成交] (是/否, Yes/No, TRUE/FALSE, 1/0; blanks ignored, but desktop Excel passes them as 0)
 * @param criteria_pairs Optional pairs: criteria_range, criteria (as in COUNTIFS, e.g. 询盘统计[询盘渠道], "WeChat")
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#deal_rate
 */
export function dealRate(deal_range: any[][], criteria_pairs?: any[][][]): number {
  return run(() => metrics.dealRate(deal_range, ...repeated(criteria_pairs)));
}

/**
 * Click-through rate: clicks ÷ impressions
 * @customfunction CTR
 * @param clicks Clicks (or clicking people)
 * @param impressions Impressions (same basis as clicks)
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#ctr
 */
export function ctr(clicks: any, impressions: any): number {
  return run(() => metrics.ctr(clicks, impressions));
}

/**
 * Value per visitor: revenue ÷ visitors (= CVR × AOV)
 * @customfunction UV_VALUE
 * @param revenue Paid amount in the period (CNY)
 * @param visitors Visitors, UV (unique people)
 * @returns Revenue per visitor (CNY).
 * @helpurl https://shopstats.example.com/help/functions#uv_value
 */
export function uvValue(revenue: any, visitors: any): number {
  return run(() => metrics.uvValue(revenue, visitors));
}

/**
 * Average order value: revenue ÷ paying buyers
 * @customfunction AOV
 * @param revenue Paid amount in the period (CNY)
 * @param buyers Paying buyers (unique people)
 * @returns Revenue per buyer (CNY).
 * @helpurl https://shopstats.example.com/help/functions#aov
 */
export function aov(revenue: any, buyers: any): number {
  return run(() => metrics.aov(revenue, buyers));
}

/**
 * Repurchase rate: buyers with 2+ purchases ÷ buyers
 * @customfunction REPURCHASE
 * @param repeat_buyers Buyers with 2 or more purchases in the period
 * @param buyers Paying buyers in the period (unique people)
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#repurchase
 */
export function repurchase(repeat_buyers: any, buyers: any): number {
  return run(() => metrics.repurchase(repeat_buyers, buyers));
}

/**
 * Payment-reminder success: reminded orders later paid ÷ reminded orders
 * @customfunction REMIND_RATE
 * @param paid_after_reminder Reminded orders that were then paid
 * @param reminded Unpaid orders that were reminded
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#remind_rate
 */
export function remindRate(paid_after_reminder: any, reminded: any): number {
  return run(() => metrics.remindRate(paid_after_reminder, reminded));
}

/**
 * Return on ad spend: promotion revenue ÷ spend
 * @customfunction ROI
 * @param revenue Revenue from the promotion (CNY)
 * @param cost Promotion spend (CNY)
 * @returns Revenue per unit of spend.
 * @helpurl https://shopstats.example.com/help/functions#roi
 */
export function roi(revenue: any, cost: any): number {
  return run(() => metrics.roi(revenue, cost));
}

/**
 * Break-even ROI: 1 ÷ gross margin
 * @customfunction BREAKEVEN_ROI
 * @param gross_margin Gross margin, above 0 and at most 1 (e.g. 0.3 or 30%)
 * @returns The ROI at which promotion breaks even.
 * @helpurl https://shopstats.example.com/help/functions#breakeven_roi
 */
export function breakevenRoi(gross_margin: any): number {
  return run(() => metrics.breakevenRoi(gross_margin));
}

/**
 * Refund rate: refunded ÷ paid (amounts or counts)
 * @customfunction REFUND_RATE
 * @param refunds Refunded amount (or number of refunds)
 * @param payments Paid amount in the period (or payments, same basis as refunds)
 * @returns A fraction from 0 to 1; format the cell as a percentage.
 * @helpurl https://shopstats.example.com/help/functions#refund_rate
 */
export function refundRate(refunds: any, payments: any): number {
  return run(() => metrics.refundRate(refunds, payments));
}

/**
 * Forecast daily orders (or units): visitors × CVR × units per order
 * @customfunction ORDERS
 * @param visitors Expected daily visitors (UV)
 * @param cvr Expected conversion rate, 0 to 1 (e.g. 0.015 or 1.5%)
 * @param units_per_order Average units per order; 1 when omitted (result in orders)
 * @returns Orders (or units) per day.
 * @helpurl https://shopstats.example.com/help/functions#orders
 */
export function orders(visitors: any, cvr: any, units_per_order?: any): number {
  return run(() => metrics.orders(visitors, cvr, units_per_order));
}

/**
 * Service factor z: the standard normal quantile of the service level
 * @customfunction SERVICE_FACTOR
 * @param service_level Chance of not running out, between 0 and 1 (e.g. 0.95 or 95%)
 * @returns The service factor z.
 * @helpurl https://shopstats.example.com/help/functions#service_factor
 */
export function serviceFactor(service_level: any): number {
  return run(() => metrics.serviceFactor(service_level));
}

/**
 * Days-of-cover safety stock: daily demand × safety days
 * @customfunction SS_DAYS
 * @param daily_demand Average units sold per day
 * @param safety_days Days of sales the safety stock should cover
 * @returns Units of stock.
 * @helpurl https://shopstats.example.com/help/functions#ss_days
 */
export function ssDays(daily_demand: any, safety_days: any): number {
  return run(() => metrics.ssDays(daily_demand, safety_days));
}

/**
 * Statistical safety stock: z × √((L + R) × σd² + d² × σL²)
 * @customfunction SAFETY_STOCK
 * @param service_level Chance of not running out, between 0 and 1 (e.g. 0.95 or 95%)
 * @param demand_sd Standard deviation of daily sales (units)
 * @param lead_time Days from placing a replenishment order to receiving it
 * @param avg_demand Average daily sales (units); needed only with lead_time_sd
 * @param lead_time_sd Standard deviation of the lead time (days); omit when delivery time is fixed
 * @param review_days Days between periodic stock reviews; 0 when omitted (continuous review)
 * @returns Units of stock.
 * @helpurl https://shopstats.example.com/help/functions#safety_stock
 */
export function safetyStock(service_level: any, demand_sd: any, lead_time: any, avg_demand?: any, lead_time_sd?: any, review_days?: any): number {
  return run(() => metrics.safetyStock(service_level, demand_sd, lead_time, avg_demand, lead_time_sd, review_days));
}

/**
 * Statistical safety stock from a range of past daily sales (mean and sample deviation)
 * @customfunction SS_HISTORY
 * @param daily_sales Past daily sales as a table column, e.g. 销量[日销量] (0 is a day with no sales; blanks ignored, but desktop Excel passes them as 0)
 * @param lead_time Days from placing a replenishment order to receiving it
 * @param service_level Chance of not running out, between 0 and 1 (e.g. 0.95 or 95%)
 * @param lead_time_sd Standard deviation of the lead time (days); omit when delivery time is fixed
 * @param review_days Days between periodic stock reviews; 0 when omitted (continuous review)
 * @returns Units of stock.
 * @helpurl https://shopstats.example.com/help/functions#ss_history
 */
export function ssHistory(daily_sales: any[][], lead_time: any, service_level: any, lead_time_sd?: any, review_days?: any): number {
  return run(() => metrics.ssHistory(daily_sales, lead_time, service_level, lead_time_sd, review_days));
}

/**
 * Max–average safety stock: max daily × max lead − average daily × average lead
 * @customfunction SS_MAXAVG
 * @param max_daily Highest daily sales seen (units)
 * @param max_lead Longest lead time seen (days)
 * @param avg_daily Average daily sales (units)
 * @param avg_lead Average lead time (days)
 * @returns Units of stock.
 * @helpurl https://shopstats.example.com/help/functions#ss_maxavg
 */
export function ssMaxAvg(max_daily: any, max_lead: any, avg_daily: any, avg_lead: any): number {
  return run(() => metrics.ssMaxAvg(max_daily, max_lead, avg_daily, avg_lead));
}

/**
 * Reorder point: daily demand × lead time + safety stock
 * @customfunction ROP
 * @param daily_demand Average units sold per day
 * @param lead_time Days from placing a replenishment order to receiving it
 * @param safety_stock Safety stock (units)
 * @returns Stock level (units) at which to reorder.
 * @helpurl https://shopstats.example.com/help/functions#rop
 */
export function rop(daily_demand: any, lead_time: any, safety_stock: any): number {
  return run(() => metrics.rop(daily_demand, lead_time, safety_stock));
}

/**
 * Days of cover: safety stock ÷ daily demand
 * @customfunction SAFETY_DAYS
 * @param safety_stock Safety stock (units)
 * @param daily_demand Average units sold per day
 * @returns Days of sales the safety stock covers.
 * @helpurl https://shopstats.example.com/help/functions#safety_days
 */
export function safetyDays(safety_stock: any, daily_demand: any): number {
  return run(() => metrics.safetyDays(safety_stock, daily_demand));
}
