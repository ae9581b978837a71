import { defaultListValues, type LogEntry } from '../../../src/core/schema';
import {
  buildAmountRanges,
  buildDuplicateIndex,
  quantile,
  rangeOf,
  validate,
  type RawEntry,
  type ValidationContext,
} from '../../../src/core/validation';

const lists = defaultListValues();
lists.product = ['连衣裙', 'T恤', '帽子'];

const entry = (over: Partial<LogEntry> = {}): LogEntry => ({
  date: '2026-11-20', agent: '客服1', customerId: 'tb_buyer1', customerType: '零售客户', newOrReturning: '新客', channel: '微信',
  region: '江苏', product: '连衣裙', quantity: 1, amount: 100, deal: '是', dealType: '零售', noDealReason: null, followUp: null,
  nextFollowUp: null, note: null, ...over,
});

const raw = (e: LogEntry): RawEntry => ({ ...e });

describe('buildDuplicateIndex', () => {
  it('keys by customer + date + product, customer case- and width-insensitive', () => {
    const index = buildDuplicateIndex([entry()]);
    expect(index.has(entry())).toBe(true);
    expect(index.has(entry({ customerId: 'TB_BUYER1' }))).toBe(true);
    expect(index.has(entry({ customerId: 'ｔｂ＿ｂｕｙｅｒ１' }))).toBe(true);
    expect(index.has(entry({ date: '2026-11-21' }))).toBe(false);
    expect(index.has(entry({ product: 'T恤' }))).toBe(false);
    expect(index.has(entry({ customerId: 'tb_buyer2' }))).toBe(false);
    expect(index.contains('tb_buyer1', '2026-11-20', '连衣裙')).toBe(true);
  });

  it('counts repeats and grows with add()', () => {
    const index = buildDuplicateIndex();
    expect(index.size).toBe(0);
    index.add(entry());
    index.add(entry());
    index.add(entry({ product: 'T恤' }));
    expect(index.count(entry())).toBe(2);
    expect(index.size).toBe(2);
  });

  it('makes validate() warn on a likely duplicate, naming date and product', () => {
    const ctx: ValidationContext = { today: '2026-11-24', lists, duplicates: buildDuplicateIndex([entry()]) };
    const r = validate(raw(entry({ customerId: ' TB_Buyer1 ' })), ctx);
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.field, i.severity, i.code])).toEqual([['customerId', 'warning', 'possibleDuplicate']]);
    expect(r.issues[0].message).toEqual({
      'zh-CN': '可能重复：该「客户ID」在 2026-11-20 已有商品“连衣裙”的记录',
      'en-US': 'Possible duplicate: this Customer ID already has an entry for “连衣裙” on 2026-11-20',
    });
    expect(validate(raw(entry({ date: '2026-11-19' })), ctx).issues).toEqual([]);
  });
});

describe('amount ranges', () => {
  it('interpolates quartiles like QUARTILE.INC', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10, 20, 30, 40], 0.75)).toBe(32.5);
  });

  it('needs at least 5 deals for a product', () => {
    expect(rangeOf([100, 100, 100, 100])).toBeUndefined();
    const r = rangeOf([100, 110, 90, 100, 105])!;
    expect(r.deals).toBe(5);
    expect(r.median).toBe(100);
    expect(r.q1).toBe(100);
    expect(r.q3).toBe(105);
    // max(10 × 100, 105 + 3 × 5) = 1000
    expect(r.limit).toBe(1000);
  });

  it('uses the IQR fence when the prices spread widely', () => {
    const r = rangeOf([10, 10, 10, 200, 400, 400, 400])!;
    // median 200 → 2000; Q1 10, Q3 400 → 400 + 3 × 390 = 1570 … 10 × median wins here
    expect(r.limit).toBe(2000);
    const wide = rangeOf([1, 1, 1, 1, 1000, 1000, 1000, 1000])!;
    // median 500.5 → 5005; Q1 1, Q3 1000 → 1000 + 3 × 999 = 3997 → 5005
    expect(wide.limit).toBeCloseTo(5005, 6);
    const skew = rangeOf([1, 2, 3, 100, 101])!;
    // median 3 → 30; Q1 2, Q3 100 → 100 + 294 = 394
    expect(skew.limit).toBe(394);
  });

  it('builds per product from past deals by unit price, ignoring no-deals and empty amounts', () => {
    const past = [
      ...[100, 110, 90, 100, 105].map((p) => entry({ amount: p * 3, quantity: 3 })),
      entry({ deal: '否', amount: null, quantity: null }),
      entry({ amount: null }),
      ...[50, 55, 60].map((p) => entry({ product: 'T恤', amount: p })),
    ];
    const ranges = buildAmountRanges(past);
    expect([...ranges.keys()]).toEqual(['连衣裙']);
    expect(ranges.get('连衣裙')!.median).toBe(100);
  });

  it('makes validate() warn when the unit price is far above the usual range, not for big wholesale orders', () => {
    const past = [100, 110, 90, 100, 105, 98].map((p) => entry({ amount: p }));
    const ctx: ValidationContext = { today: '2026-11-24', lists, amountRanges: buildAmountRanges(past) };
    const typo = validate(raw(entry({ amount: 10500, quantity: 1 })), ctx);
    expect(typo.ok).toBe(true);
    expect(typo.issues.map((i) => `${i.field}:${i.severity}:${i.code}`)).toEqual(['amount:warning:amountOutlier']);
    expect(typo.issues[0].message['zh-CN']).toBe('「成交金额」远高于该商品的常见范围：单价 10500.00，通常不超过 1000.00，请确认');
    expect(typo.issues[0].message['en-US']).toBe(
      'Amount (CNY) is far above this product’s usual range: unit price 10500.00, usually at most 1000.00; please check',
    );
    // 500 pieces at the usual price: a wholesale order, not an outlier.
    expect(validate(raw(entry({ amount: 50000, quantity: 500 })), ctx).issues).toEqual([]);
    // Exactly at the limit is fine; a product without history is never flagged.
    expect(validate(raw(entry({ amount: 1000 })), ctx).issues).toEqual([]);
    expect(validate(raw(entry({ product: '帽子', amount: 99999 })), ctx).issues).toEqual([]);
  });
});
