import { aggregate, reportTotal, type ReportRow } from '../../../src/core/reports/aggregate';
import { REPORTS, BLANK_KEY, reportDef, type ReportDef, type ValueId } from '../../../src/core/reports/definitions';
import { REPORT_IDS, type ReportId } from '../../../src/core/reportIds';
import { NO, YES, type LogEntry } from '../../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../../support/generateRows';

/**
 * Deliberately naive reference: for each report, filter the rows, list the distinct keys, and for every key filter
 * the rows again and count/sum them. Quadratic and obvious; the fast single pass must agree with it.
 */
function naive(rows: LogEntry[], def: ReportDef): Map<string, Record<string, number | null>> {
  const field = (e: LogEntry, f: string): string => ((e as unknown as Record<string, string | null>)[f] ?? '');
  const kept = def.filter ? rows.filter((e) => e.deal === def.filter!.equals) : rows;
  const out = new Map<string, Record<string, number | null>>();
  const keyOf = (e: LogEntry): string => (def.columns ? `${field(e, def.rows)}|${field(e, def.columns)}` : field(e, def.rows));
  const keys = [...new Set(kept.map(keyOf))];
  for (const k of keys) {
    const g = kept.filter((e) => keyOf(e) === k);
    const deals = g.filter((e) => e.deal === YES).length;
    let amount = 0;
    for (const e of g) amount += e.amount ?? 0;
    let quantity = 0;
    for (const e of g) quantity += e.quantity ?? 0;
    const all: Record<ValueId, number | null> = {
      inquiries: g.length, count: g.length, deals, conversion: deals / g.length, amount, quantity, share: g.length / kept.length,
    };
    const rec: Record<string, number | null> = {};
    for (const v of def.values) rec[v.id] = all[v.id];
    out.set(k, rec);
  }
  return out;
}

const keyOfRow = (def: ReportDef, r: ReportRow): string => (def.columns ? `${r.key}|${r.column}` : r.key);

describe('aggregate', () => {
  const rows = generateRows(3000, 11);
  const results = aggregate(rows);

  test.each(REPORT_IDS.map((id) => [id]))('%s agrees with the naive per-report reference', (id: ReportId) => {
    const def = reportDef(id);
    const expected = naive(rows, def);
    const got = results[id];
    expect(got.length).toBe(expected.size);
    expect(got.length).toBeGreaterThan(1);
    for (const r of got) {
      const exp = expected.get(keyOfRow(def, r));
      expect(exp).toBeDefined();
      for (const v of def.values) {
        const actual = (r as unknown as Record<string, number | null>)[v.id];
        if (v.id === 'amount') expect(actual).toBeCloseTo(exp![v.id] as number, 2);
        else if (v.id === 'conversion' || v.id === 'share') expect(actual).toBeCloseTo(exp![v.id] as number, 12);
        else expect(actual).toBe(exp![v.id]);
      }
    }
  });

  test('row objects carry exactly the fields their report defines, in JSON order key, [column], values', () => {
    for (const def of REPORTS) {
      const expectedKeys = ['key', ...(def.columns ? ['column'] : []), ...def.values.map((v) => v.id)];
      for (const r of results[def.id]) expect(Object.keys(r)).toEqual(expectedKeys);
    }
    const ch = results.channel[0];
    expect(JSON.stringify(ch)).toBe(
      `{"key":${JSON.stringify(ch.key)},"inquiries":${ch.inquiries},"deals":${ch.deals},"conversion":${ch.conversion},"amount":${ch.amount}}`,
    );
  });

  test('every list value of the generated data shows up in its report', () => {
    expect(results.channel.map((r) => r.key).sort()).toEqual([...SAMPLE_LISTS.channel].sort());
    expect(results.region.map((r) => r.key).sort()).toEqual([...SAMPLE_LISTS.region].sort());
    expect(results.noDealReasons.map((r) => r.key).sort()).toEqual([...SAMPLE_LISTS.noDealReason].sort());
    expect(new Set(results.followUp.map((r) => r.key))).toEqual(new Set(SAMPLE_LISTS.followUp));
  });

  test('amounts are rounded to cents and totals add up to the log', () => {
    for (const r of results.channel) expect(Math.round(r.amount! * 100) / 100).toBe(r.amount);
    const total = reportTotal('channel', results.channel);
    expect(total.inquiries).toBe(rows.length);
    expect(total.deals).toBe(rows.filter((e) => e.deal === YES).length);
    expect(total.conversion).toBeCloseTo(total.deals! / rows.length, 12);
    const products = reportTotal('products', results.products);
    expect(products.conversion).toBeCloseTo(total.conversion!, 12);
    expect(reportTotal('noDealReasons', results.noDealReasons)).toMatchObject({ count: rows.filter((e) => e.deal === NO).length, share: 1 });
  });
});

/** A minimal valid entry; tests override the fields they care about. */
function entry(over: Partial<LogEntry>): LogEntry {
  return {
    date: '2026-05-01', agent: '客服1', customerId: 'C1', customerType: '零售客户', newOrReturning: '新客', channel: '微信',
    region: '广东', product: '示例商品A', quantity: 1, amount: 10, deal: YES, dealType: '零售', noDealReason: null,
    followUp: null, nextFollowUp: null, note: null, ...over,
  };
}
const noDeal = (over: Partial<LogEntry>): LogEntry =>
  entry({ deal: NO, amount: null, dealType: null, noDealReason: '价格高', followUp: '已跟进', ...over });

describe('conversion is deals ÷ inquiries of the group (sum over count)', () => {
  test('an agent with one converting day and one bad day: 1/10, not the mean of the daily ratios (50%)', () => {
    const rows = [
      entry({ agent: '小李', date: '2026-05-01' }),
      ...Array.from({ length: 9 }, () => noDeal({ agent: '小李', date: '2026-05-02' })),
      entry({ agent: '小王', date: '2026-05-01' }),
      noDeal({ agent: '小王', date: '2026-05-01' }),
    ];
    const res = aggregate(rows);
    const li = res.agents.find((r) => r.key === '小李')!;
    expect(li.inquiries).toBe(10);
    expect(li.deals).toBe(1);
    expect(li.conversion).toBeCloseTo(0.1, 12);
    const day1 = res.daily.find((r) => r.key === '2026-05-01')!;
    const day2 = res.daily.find((r) => r.key === '2026-05-02')!;
    expect([day1.inquiries, day1.deals, day2.inquiries, day2.deals]).toEqual([3, 2, 9, 0]);
    // Products carry conversion without deals: the same sum-over-count.
    expect(res.products[0].conversion).toBeCloseTo(2 / 12, 12);
  });
});

describe('sort orders', () => {
  const rows = [
    ...Array.from({ length: 3 }, () => noDeal({ channel: '电话', region: '北京', product: '示例商品B', quantity: 1, noDealReason: '比价中', agent: '客服2' })),
    entry({ channel: 'QQ', region: '上海', amount: 500, quantity: 2, product: '示例商品A', agent: '客服1', date: '2026-05-03' }),
    entry({ channel: 'QQ', region: '北京', amount: 20, quantity: 9, product: '示例商品B', agent: '客服2', date: '2026-05-01' }),
    noDeal({ channel: '微信', region: '天津', noDealReason: '价格高', followUp: '待跟进', nextFollowUp: '2026-05-05', date: '2026-05-02' }),
    noDeal({ channel: '邮件', region: '天津', noDealReason: '价格高', followUp: '已流失', date: '2026-05-02' }),
  ];
  const res = aggregate(rows);

  test('channel by inquiries, ties in list order', () => {
    // 电话 3, QQ 2, then 微信 and 邮件 with 1 each in the list's order (微信 before 邮件).
    expect(res.channel.map((r) => r.key)).toEqual(['电话', 'QQ', '微信', '邮件']);
  });
  test('region by amount (largest first)', () => {
    expect(res.region.map((r) => r.key)).toEqual(['上海', '北京', '天津']);
  });
  test('products by quantity; agents by amount', () => {
    expect(res.products.map((r) => [r.key, r.quantity])).toEqual([['示例商品B', 12], ['示例商品A', 4]]);
    expect(res.agents.map((r) => r.key)).toEqual(['客服1', '客服2']);
  });
  test('no-deal reasons in Pareto order with shares of all 否 rows', () => {
    expect(res.noDealReasons).toEqual([
      { key: '比价中', count: 3, share: 0.6 },
      { key: '价格高', count: 2, share: 0.4 },
    ]);
  });
  test('daily ascending by date; follow-up in the list order (workflow stages)', () => {
    expect(res.daily.map((r) => r.key)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    expect(res.followUp.map((r) => r.key)).toEqual(['待跟进', '已跟进', '已流失']);
    expect(res.followUp.find((r) => r.key === '已跟进')).toEqual({ key: '已跟进', column: '客服2', count: 3 });
  });
  test('an agency list order breaks ties', () => {
    const lists = { ...SAMPLE_LISTS, channel: ['邮件', '微信', 'QQ', '电话'] };
    expect(aggregate(rows, { lists }).channel.map((r) => r.key)).toEqual(['电话', 'QQ', '邮件', '微信']);
  });
});

describe('blanks and filters', () => {
  test('a 否 row lands in customerMix under the blank deal type, after the listed ones', () => {
    const rows = [noDeal({ customerType: '批发商' }), entry({ customerType: '批发商', dealType: '批发', amount: 99 }), entry({ customerType: '批发商', dealType: '零售', amount: 1 })];
    expect(aggregate(rows).customerMix).toEqual([
      { key: '批发商', column: '零售', inquiries: 1, amount: 1 },
      { key: '批发商', column: '批发', inquiries: 1, amount: 99 },
      { key: '批发商', column: BLANK_KEY, inquiries: 1, amount: 0 },
    ]);
  });
  test('a 否 row without a reason is counted under the blank key, not dropped', () => {
    const res = aggregate([noDeal({ noDealReason: null }), noDeal({})]);
    expect(res.noDealReasons.map((r) => [r.key, r.count])).toEqual([['价格高', 1], [BLANK_KEY, 1]]);
  });
  test('date filter keeps [from, to] inclusive', () => {
    const rows = ['2026-04-30', '2026-05-01', '2026-05-15', '2026-05-31', '2026-06-01'].map((date) => entry({ date }));
    const res = aggregate(rows, { filter: { from: '2026-05-01', to: '2026-05-31' } });
    expect(res.daily.map((r) => r.key)).toEqual(['2026-05-01', '2026-05-15', '2026-05-31']);
    expect(res.channel[0].inquiries).toBe(3);
    expect(aggregate(rows, { filter: { from: '2026-05-16' } }).channel[0].inquiries).toBe(2);
  });
  test('no rows → every report empty', () => {
    const res = aggregate([]);
    for (const id of REPORT_IDS) expect(res[id]).toEqual([]);
  });
});
