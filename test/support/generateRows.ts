/**
 * Seeded, deterministic generator of realistic inquiry-log rows (LogEntry) for tests and benches.
 * Same (n, seed, options) → same rows on every machine: a small integer PRNG, no Math.random, no clock.
 *
 * What the rows cover, so report and validation tests see every case:
 * - every value of every fixed list (customer type, new/returning, channel, all 35 regions, deal, deal type,
 *   no-deal reason, follow-up) appears once n is at least ~100 (the first rows cycle through them on purpose);
 * - 否 rows with a reason and a follow-up (待跟进 rows carry a next follow-up date), blank deal type, amount blank or 0;
 * - 是 rows with quantity > 0, amount > 0, a deal type, blank reason/follow-up;
 * - blanks only where the schema allows them (quantity on some 否 rows, note on most rows);
 * - dates spread over several months ending at `endDate` (default a fixed day, never "today");
 * - a few agents and products (SAMPLE_LISTS), with conversion that differs by channel and agent.
 */
import { isoToSerial } from '../../src/core/dates';
import { COLUMNS, LISTS, NO, YES, FOLLOW_UP_PENDING, type Lang, type ListKey, type ListValues, type LogEntry } from '../../src/core/schema';
import { seededRandom } from '../../src/core/random';

export interface GenerateOptions {
  /** Last date in the data (ISO). Default '2026-06-30'. */
  endDate?: string;
  /** Days covered, ending at endDate. Default 120 (about four months). */
  days?: number;
  /** List contents to draw from (agents and products especially). Default SAMPLE_LISTS. */
  lists?: Partial<ListValues>;
  /** Share of rows whose product is NOT in the list (free text, allowed with a warning). Default 0. */
  freeTextProductRate?: number;
}

/** The lists the generator draws from by default: the schema's lists, with a few more agents and products. */
export const SAMPLE_LISTS: ListValues = (() => {
  const out = {} as ListValues;
  for (const k of Object.keys(LISTS) as ListKey[]) out[k] = LISTS[k].items.map((i) => i.value);
  out.agent = ['客服1', '客服2', '小李', '小王', '阿美'];
  out.product = ['示例商品A', '示例商品B', '保温杯500ml', '帆布包', '儿童雨衣', '蓝牙耳机'];
  return out;
})();

/** mulberry32, shared with the demo: floats in [0, 1). */
export const makeRng = seededRandom;

const MS_PER_DAY = 86_400_000;
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

const NOTES = ['要发票', '催发货', '问尺码', '老客户介绍', '要样品', '顺丰到付'];

export function generateRows(n: number, seed = 1, options: GenerateOptions = {}): LogEntry[] {
  const rng = makeRng(seed);
  const lists: ListValues = { ...SAMPLE_LISTS, ...options.lists } as ListValues;
  const endDate = options.endDate ?? '2026-06-30';
  const days = Math.max(1, options.days ?? 120);
  const freeRate = options.freeTextProductRate ?? 0;

  const pick = <T>(arr: readonly T[]): T => arr[Math.floor(rng() * arr.length)];
  // The first rows walk through every list value in turn, so even small n covers all of them.
  const cycle = <T>(arr: readonly T[], i: number): T => (i < 100 ? arr[i % arr.length] : pick(arr));

  // Per-product unit price, per-channel and per-agent deal propensity: groups get different conversion.
  const unitPrice = new Map(lists.product.map((p, i) => [p, 19.9 + ((i * 37) % 11) * 15.5]));
  const channelBias = new Map(lists.channel.map((c, i) => [c, 0.25 + ((i * 7) % 5) * 0.08]));
  const agentBias = new Map(lists.agent.map((a, i) => [a, -0.1 + ((i * 3) % 4) * 0.07]));

  // Dates of the window, precomputed once (index d = d days before endDate); a week of extra days for follow-ups.
  const dayIso: string[] = [];
  for (let d = -7; d < days; d++) dayIso.push(addDays(endDate, -d));
  const dayAt = (d: number): string => dayIso[d + 7];

  const rows: LogEntry[] = new Array(n);
  // Separate counters for deal / no-deal rows, so their own lists are walked through completely too.
  let dealRows = 0;
  let noDealRows = 0;
  for (let i = 0; i < n; i++) {
    const dayIndex = i < 100 ? i % days : Math.floor(rng() * days);
    const date = dayAt(dayIndex);
    const agent = cycle(lists.agent, i);
    const channel = cycle(lists.channel, i);
    const region = cycle(lists.region, i);
    const customerType = cycle(lists.customerType, i);
    const newOrReturning = cycle(lists.newOrReturning, i);
    let product = cycle(lists.product, i);
    if (freeRate > 0 && rng() < freeRate) product = `新品${1 + Math.floor(rng() * 3)}`;
    const customerId = `C${String(1 + Math.floor(rng() * Math.max(50, n / 3))).padStart(6, '0')}`;

    const p = (channelBias.get(channel) ?? 0.3) + (agentBias.get(agent) ?? 0);
    const isDeal = i < 100 ? i % 3 !== 2 : rng() < p;
    const wholesale = customerType === '批发商' || customerType === '分销商';
    const baseQty = wholesale ? 10 + Math.floor(rng() * 200) : 1 + Math.floor(rng() * 5);
    const price = unitPrice.get(product) ?? 49.9;

    let entry: LogEntry;
    if (isDeal) {
      const quantity = baseQty;
      entry = {
        date, agent, customerId, customerType, newOrReturning, channel, region, product,
        quantity,
        amount: Math.round(quantity * price * (wholesale ? 0.8 : 1) * 100) / 100,
        deal: YES,
        dealType: cycle(lists.dealType, dealRows++),
        noDealReason: null,
        followUp: null,
        nextFollowUp: null,
        note: rng() < 0.15 ? pick(NOTES) : null,
      };
    } else {
      const k = noDealRows++;
      const followUp = cycle(lists.followUp, k);
      const r = rng();
      entry = {
        date, agent, customerId, customerType, newOrReturning, channel, region, product,
        // Blank quantity on some 否 rows; the asked-for quantity on the rest.
        quantity: r < 0.3 ? null : baseQty,
        // Amount empty or 0 when 否.
        amount: r < 0.6 ? null : 0,
        deal: NO,
        dealType: null,
        noDealReason: cycle(lists.noDealReason, k),
        followUp,
        nextFollowUp: followUp === FOLLOW_UP_PENDING ? dayAt(dayIndex - 1 - Math.floor(rng() * 7)) : null,
        note: rng() < 0.1 ? pick(NOTES) : null,
      };
    }
    rows[i] = entry;
  }
  return rows;
}

/**
 * One entry as sheet cells in schema column order (COLUMNS), the way Range.values / exceljs give them back:
 * dates (日期, 下次跟进, 月份) as Excel serial numbers, empty cells as null, 成交标记 as 1/0.
 * List values are canonical (the same in zh and en templates), so `lang` changes nothing today; it is accepted
 * so callers can state the template language they write into.
 */
export function toRawRow(entry: LogEntry, lang: Lang = 'zh-CN'): unknown[] {
  void lang;
  return COLUMNS.map((c) => {
    switch (c.key) {
      case 'date':
        return isoToSerial(entry.date);
      case 'nextFollowUp':
        return entry.nextFollowUp === null ? null : isoToSerial(entry.nextFollowUp);
      case 'dealFlag':
        return entry.deal === YES ? 1 : 0;
      case 'month':
        return isoToSerial(`${entry.date.slice(0, 7)}-01`);
      default:
        return entry[c.key];
    }
  });
}
