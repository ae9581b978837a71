/**
 * Periods: ISO weeks across year ends, months of different lengths, empty periods; period figures and the overview
 * order against a second aggregation written here with plain loops over day numbers (not the production code).
 */
import { isoWeek, parsePeriodDate, periodOf, previousPeriod, yearAgoPeriod } from '../../src/core/periods/period';
import { periodReport } from '../../src/core/periods/periodReport';
import { overview } from '../../src/core/periods/overview';
import { generateRows } from '../support/generateRows';
import type { LogEntry } from '../../src/core/schema';

describe('ISO weeks and months', () => {
  test.each([
    // 2026-01-01 is a Thursday: week 1 of 2026 starts Monday 2025-12-29.
    ['2025-12-29', 2026, 1, '2025-12-29', '2026-01-04'],
    ['2026-01-04', 2026, 1, '2025-12-29', '2026-01-04'],
    ['2025-12-28', 2025, 52, '2025-12-22', '2025-12-28'],
    // 2021-01-01 is a Friday: it belongs to week 53 of 2020.
    ['2021-01-01', 2020, 53, '2020-12-28', '2021-01-03'],
    ['2021-01-04', 2021, 1, '2021-01-04', '2021-01-10'],
    ['2024-12-30', 2025, 1, '2024-12-30', '2025-01-05'],
  ])('%s is ISO %i-W%i (%s … %s)', (date, year, week, start, end) => {
    expect(isoWeek(date)).toEqual({ year, week });
    const p = periodOf('week', date);
    expect([p.start, p.end]).toEqual([start, end]);
    expect(p.label).toBe(`${year}-W${String(week).padStart(2, '0')}`);
  });

  test('weeks start on Monday and hold seven days; the previous week ends the day before', () => {
    for (let d = Date.UTC(2019, 11, 1); d < Date.UTC(2027, 1, 1); d += 86_400_000 * 3) {
      const date = new Date(d).toISOString().slice(0, 10);
      const p = periodOf('week', date);
      expect(new Date(`${p.start}T00:00:00Z`).getUTCDay()).toBe(1);
      expect((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000).toBe(6);
      expect(date >= p.start && date <= p.end).toBe(true);
      const prev = previousPeriod(p);
      expect((Date.parse(p.start) - Date.parse(prev.end)) / 86_400_000).toBe(1);
    }
  });

  test.each([
    ['2024-02-10', '2024-02-01', '2024-02-29'],
    ['2026-02-10', '2026-02-01', '2026-02-28'],
    ['2026-04-30', '2026-04-01', '2026-04-30'],
    ['2026-12-31', '2026-12-01', '2026-12-31'],
  ])('month of %s is %s … %s', (date, start, end) => {
    const p = periodOf('month', date);
    expect([p.start, p.end]).toEqual([start, end]);
  });

  test('环比 of January is the previous December; 同比 of March 2025 is March 2024; 同比 of 2021-W53 falls back to 2020-W53, of 2026-W53 to 2025-W52', () => {
    expect(previousPeriod(periodOf('month', '2026-01-15')).label).toBe('2025-12');
    expect(previousPeriod(periodOf('month', '2026-03-31'))).toMatchObject({ start: '2026-02-01', end: '2026-02-28' });
    expect(yearAgoPeriod(periodOf('month', '2025-03-03')).label).toBe('2024-03');
    expect(yearAgoPeriod(periodOf('week', '2021-01-01')).label).toBe('2019-W52');
    expect(yearAgoPeriod(periodOf('week', '2026-12-31')).label).toBe('2025-W52');
    expect(periodOf('week', '2026-12-31').label).toBe('2026-W53');
    expect(yearAgoPeriod(periodOf('week', '2026-03-04')).label).toBe('2025-W10');
  });

  test('--date accepts a day, a week label or a month label, and refuses others', () => {
    expect(parsePeriodDate('week', '2026-W01')).toBe('2025-12-29');
    expect(parsePeriodDate('month', '2026-02')).toBe('2026-02-01');
    expect(parsePeriodDate('week', '2026-02-30')).toBeNull();
    expect(parsePeriodDate('month', '2026-W01')).toBeNull();
    expect(parsePeriodDate('week', '2025-W53')).toBeNull();
    expect(parsePeriodDate('week', 'last week')).toBeNull();
  });
});

/** Second aggregation: day numbers and a hand-made Monday rule, no production helpers. */
function dayNo(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
function plainWeekFigures(rows: LogEntry[], anyDate: string) {
  const n = dayNo(anyDate);
  const weekday = (new Date(n * 86_400_000).getUTCDay() + 6) % 7;
  const from = n - weekday;
  let inquiries = 0;
  let deals = 0;
  let amount = 0;
  for (const r of rows) {
    const x = dayNo(r.date);
    if (x < from || x > from + 6) continue;
    inquiries++;
    if (r.deal === '是') {
      deals++;
      amount += r.amount ?? 0;
    }
  }
  return { inquiries, deals, amount: Math.round(amount * 100) / 100, conversion: inquiries ? deals / inquiries : null };
}

describe('period figures equal a plain-loop aggregation', () => {
  const rows = generateRows(3000, 7, { endDate: '2026-06-30', days: 500 });

  test('every week of the span: current, 环比 and 同比', () => {
    for (let d = dayNo('2025-03-01'); d <= dayNo('2026-06-30'); d += 7) {
      const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const r = periodReport(rows, { kind: 'week', date, today: '2026-07-01' });
      const mine = plainWeekFigures(rows, date);
      expect(r.current).toMatchObject({ inquiries: mine.inquiries, deals: mine.deals, amount: mine.amount });
      expect(r.current.conversion).toBe(mine.conversion);
      const prev = plainWeekFigures(rows, new Date((d - 7) * 86_400_000).toISOString().slice(0, 10));
      expect(r.previous.figures).toMatchObject({ inquiries: prev.inquiries, deals: prev.deals, amount: prev.amount });
      const ago = plainWeekFigures(rows, new Date((d - 364) * 86_400_000).toISOString().slice(0, 10));
      // The data starts 2025-02-16: weeks a year before that are not held.
      if (d - 364 < dayNo('2025-02-10')) expect(r.yearAgo.figures).toBeNull();
      else expect(r.yearAgo.figures).toMatchObject({ inquiries: ago.inquiries, deals: ago.deals, amount: ago.amount });
    }
  });

  test('a month: the eight reports are the period rows only, no-deal reasons carry the previous month', () => {
    const r = periodReport(rows, { kind: 'month', date: '2026-02-14', today: '2026-07-01' });
    const feb = rows.filter((x) => x.date >= '2026-02-01' && x.date <= '2026-02-28');
    const jan = rows.filter((x) => x.date >= '2026-01-01' && x.date <= '2026-01-31');
    const channelTotal = (r.reports.channel ?? []).reduce((s, x) => s + (x.inquiries ?? 0), 0);
    expect(channelTotal).toBe(feb.length);
    for (const reason of r.noDealReasons) {
      expect(reason.count).toBe(feb.filter((x) => x.deal === '否' && (x.noDealReason ?? '') === reason.reason).length);
      expect(reason.previous).toBe(jan.filter((x) => x.deal === '否' && (x.noDealReason ?? '') === reason.reason).length);
    }
    const dates = r.reports.daily.map((x) => x.key);
    expect(dates.every((d) => d >= '2026-02-01' && d <= '2026-02-28')).toBe(true);
  });

  test('an empty period has zero figures and no conversion or 客单价, not an error', () => {
    const r = periodReport(rows, { kind: 'week', date: '2027-01-04', today: '2027-01-05' });
    expect(r.current).toEqual({ inquiries: 0, deals: 0, conversion: null, amount: 0, aov: null });
    expect(r.reports.channel).toEqual([]);
  });

  test('backlog: 待跟进 rows whose 下次跟进 is due, most overdue first', () => {
    const r = periodReport(rows, { kind: 'month', date: '2026-06-01', today: '2026-06-20' });
    const expected = rows.filter((x) => x.followUp === '待跟进' && x.date <= '2026-06-30' && x.nextFollowUp !== null && x.nextFollowUp <= '2026-06-20');
    expect(r.backlog.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    for (let i = 1; i < r.backlog.length; i++) expect(r.backlog[i - 1].daysOverdue! >= r.backlog[i].daysOverdue!).toBe(true);
  });
});

describe('overview', () => {
  const mk = (date: string, deal: boolean): LogEntry => ({
    date, agent: 'a', customerId: 'c', customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '浙江',
    product: 'p', quantity: deal ? 1 : null, amount: deal ? 10 : null, deal: deal ? '是' : '否', dealType: deal ? '零售' : null,
    noDealReason: deal ? null : '价格高', followUp: deal ? null : '已跟进', nextFollowUp: null, note: null,
  });
  // Week of 2026-03-09 vs week of 2026-03-02.
  const clients = [
    { client: '甲', rows: [mk('2026-03-02', true), mk('2026-03-03', true), mk('2026-03-09', true), mk('2026-03-10', false)], lastEntry: '2026-03-10', errorRows: 1 },
    { client: '乙', rows: [mk('2026-03-02', true), mk('2026-03-03', false), mk('2026-03-09', false), mk('2026-03-10', false)], lastEntry: '2026-03-10', errorRows: 0 },
    { client: '丙', rows: [mk('2026-03-02', false), mk('2026-03-09', true)], lastEntry: '2026-03-09', errorRows: 0 },
    { client: '丁', rows: [mk('2026-02-02', true)], lastEntry: '2026-02-02', errorRows: 3 },
  ];

  test('largest conversion drop first; clients without a comparison last; stale clients show their days', () => {
    const o = overview(clients, 'week', '2026-03-11', '2026-03-20');
    // plain: 甲 1→0.5 (−0.5), 乙 0.5→0 (−0.5), 丙 0→1 (+1), 丁 none.
    // Equal drops order by name (乙 U+4E59 before 甲 U+7532).
    expect(o.clients.map((c) => c.client)).toEqual(['乙', '甲', '丙', '丁']);
    expect(o.clients[0].conversionChange).toBeCloseTo(-0.5);
    expect(o.clients[2].conversionChange).toBeCloseTo(1);
    expect(o.clients[3]).toMatchObject({ client: '丁', conversionChange: null, daysSinceLastEntry: 41, errorRows: 3 });
  });
});

describe('data-quality kinds in words', () => {
  test('code and column become the check\'s message without row values', () => {
    const { errorKindLabel } = jest.requireActual('../../src/core/periods/periodSheet') as typeof import('../../src/core/periods/periodSheet');
    expect(errorKindLabel('required:amount', 'zh-CN')).toBe('「成交金额」必填');
    expect(errorKindLabel('required:amount', 'en-US')).toBe('Amount (CNY) is required');
    expect(errorKindLabel('notInList:channel', 'zh-CN')).toBe('「询盘渠道」的值“…”不在列表中，请从下拉列表中选择');
    expect(errorKindLabel('unknownCode:x', 'zh-CN')).toBe('unknownCode:x');
  });
});
