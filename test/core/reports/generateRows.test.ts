import { COLUMNS, FOLLOW_UP_PENDING, LIST_KEYS, NO, YES } from '../../../src/core/schema';
import { serialToIso } from '../../../src/core/dates';
import { generateRows, SAMPLE_LISTS, toRawRow } from '../../support/generateRows';

describe('generateRows (shared test data)', () => {
  test('deterministic per seed, different across seeds', () => {
    expect(generateRows(500, 42)).toEqual(generateRows(500, 42));
    expect(generateRows(500, 43)).not.toEqual(generateRows(500, 42));
  });

  test('100 rows already cover every value of every list', () => {
    const rows = generateRows(100, 1);
    for (const k of LIST_KEYS) {
      const seen = new Set(rows.map((e) => e[k]));
      expect({ list: k, missing: SAMPLE_LISTS[k].filter((v) => !seen.has(v)) }).toEqual({ list: k, missing: [] });
    }
  });

  test('rows follow the cross-field rules: 是 rows sold something, 否 rows say why and how it is followed up', () => {
    const rows = generateRows(5000, 2);
    for (const e of rows) {
      if (e.deal === YES) {
        expect(e.quantity! > 0 && e.amount! > 0 && e.dealType !== null).toBe(true);
        expect([e.noDealReason, e.followUp, e.nextFollowUp]).toEqual([null, null, null]);
      } else {
        expect(e.deal).toBe(NO);
        expect(e.dealType).toBeNull();
        expect(e.amount === null || e.amount === 0).toBe(true);
        expect(e.noDealReason !== null && e.followUp !== null).toBe(true);
        expect(e.nextFollowUp !== null).toBe(e.followUp === FOLLOW_UP_PENDING);
        if (e.nextFollowUp) expect(e.nextFollowUp > e.date).toBe(true);
      }
    }
    expect(rows.some((e) => e.quantity === null)).toBe(true);
    expect(rows.some((e) => e.amount === 0)).toBe(true);
    expect(rows.some((e) => e.note !== null)).toBe(true);
    expect(new Set(rows.map((e) => e.date.slice(0, 7))).size).toBeGreaterThanOrEqual(4);
    expect(rows.every((e) => e.date <= '2026-06-30')).toBe(true);
  });

  test('free-text products only when asked for', () => {
    const inList = new Set(SAMPLE_LISTS.product);
    expect(generateRows(2000, 3).every((e) => inList.has(e.product))).toBe(true);
    expect(generateRows(2000, 3, { freeTextProductRate: 0.1 }).some((e) => !inList.has(e.product))).toBe(true);
  });

  test('toRawRow: schema column order, dates as serials, calculated columns filled in', () => {
    const [e] = generateRows(1, 9);
    const raw = toRawRow(e);
    expect(raw).toHaveLength(COLUMNS.length);
    const at = (k: string) => raw[COLUMNS.findIndex((c) => c.key === k)];
    expect(serialToIso(at('date') as number)).toBe(e.date);
    expect(at('channel')).toBe(e.channel);
    expect(at('dealFlag')).toBe(e.deal === YES ? 1 : 0);
    expect(serialToIso(at('month') as number)).toBe(`${e.date.slice(0, 7)}-01`);
    expect(at('note')).toBe(e.note);
  });
});
