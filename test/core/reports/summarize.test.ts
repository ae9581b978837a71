import { summarize, windowStart } from '../../../src/core/reports/summarize';
import { NO, YES, type LogEntry } from '../../../src/core/schema';
import { generateRows } from '../../support/generateRows';

function entry(date: string, deal: string, amount: number | null, noDealReason: string | null = null): LogEntry {
  return {
    date, agent: '客服1', customerId: 'C1', customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '广东',
    product: '示例商品A', quantity: 1, amount, deal, dealType: deal === YES ? '零售' : null, noDealReason,
    followUp: deal === NO ? '已跟进' : null, nextFollowUp: null, note: null,
  };
}

describe('summarize', () => {
  const today = '2026-03-01';
  test('window starts cross month ends (2026-03-01 minus 6 days is 2026-02-23)', () => {
    expect(windowStart(today, 7)).toBe('2026-02-23');
    expect(windowStart(today, 30)).toBe('2026-01-31');
    expect(windowStart(today, 1)).toBe(today);
  });

  test('today / 7 days / 30 days include their first day and exclude the day before and the future', () => {
    const rows = [
      entry('2026-03-01', YES, 100), // today
      entry('2026-03-01', NO, null, '价格高'),
      entry('2026-02-23', YES, 50), // 7th day back: in last7
      entry('2026-02-22', NO, 0, '比价中'), // 8th day back: only last30
      entry('2026-01-31', YES, 25.5), // 30th day back: in last30
      entry('2026-01-30', YES, 1000), // 31st: out
      entry('2026-03-02', YES, 1000), // future (a typo): out
    ];
    const s = summarize(rows, today);
    expect(s.today).toEqual({ inquiries: 2, deals: 1, conversion: 0.5, amount: 100 });
    expect(s.last7).toEqual({ inquiries: 3, deals: 2, conversion: 2 / 3, amount: 150 });
    expect(s.last30).toEqual({ inquiries: 5, deals: 3, conversion: 0.6, amount: 175.5 });
    expect(s.topNoDealReasons).toEqual([
      { key: '价格高', count: 1, share: 0.5 },
      { key: '比价中', count: 1, share: 0.5 },
    ]);
  });

  test('no rows in a window: zero counts and a null conversion', () => {
    const s = summarize([entry('2025-01-01', YES, 10)], today);
    expect(s.today).toEqual({ inquiries: 0, deals: 0, conversion: null, amount: 0 });
    expect(s.topNoDealReasons).toEqual([]);
  });

  test('top reasons: the three most frequent of the last 30 days, largest first, against a direct count', () => {
    const rows = generateRows(2000, 5, { endDate: today, days: 60 });
    const s = summarize(rows, today);
    const counts = new Map<string, number>();
    const recent = rows.filter((e) => e.date >= '2026-01-31' && e.date <= today && e.deal === NO);
    for (const e of recent) counts.set(e.noDealReason!, (counts.get(e.noDealReason!) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(s.topNoDealReasons.map((r) => r.count)).toEqual(sorted.slice(0, 3));
    for (const r of s.topNoDealReasons) expect(r.share).toBeCloseTo(counts.get(r.key)! / recent.length, 12);
    expect(s.last30.inquiries).toBe(rows.filter((e) => e.date >= '2026-01-31').length);
  });
});
