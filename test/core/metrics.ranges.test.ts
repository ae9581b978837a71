/**
 * The range functions: DEAL_RATE (deal column + COUNTIFS-style criteria) and SS_HISTORY (daily sales with blanks).
 */
import { compileCriterion, countDeals, dealRate, MetricError, salesStats, ssHistory } from '../../src/core/metrics';
import { isoToSerial } from '../../src/core/dates';

function codeOf(compute: () => unknown): string {
  try {
    compute();
  } catch (err) {
    if (err instanceof MetricError) return err.code;
    throw err;
  }
  throw new Error('expected a MetricError');
}

const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const Z95 = 1.6448536269514722;

describe('DEAL_RATE: the deal column', () => {
  test('share of 是 among non-blank cells; blanks count nowhere', () => {
    expect(dealRate(column('是', '否', '否', '是', null, '', '是'))).toBeCloseTo(3 / 5, 15);
    expect(countDeals(column('是', null, '否', '  '))).toEqual({ deals: 1, total: 2 });
  });

  test('every spelling of yes/no: 是/否, Yes/No, Y/N, TRUE/FALSE (logical or text), 1/0 (number or text), any case and spacing', () => {
    const yes = ['是', 'Yes', 'YES', ' yes ', 'y', 'Y', true, 'TRUE', 'true', 1, '1'];
    const no = ['否', 'No', 'no', 'N', false, 'FALSE', 'False', 0, '0'];
    expect(countDeals(column(...yes, ...no))).toEqual({ deals: yes.length, total: yes.length + no.length });
  });

  test('a cell that is not yes/no is #VALUE!, naming its row and value', () => {
    for (const bad of ['maybe', 2, 0.5, -1, '是的', { type: 'entity' }]) {
      expect(codeOf(() => dealRate(column('是', bad)))).toBe('#VALUE!');
    }
    try {
      dealRate(column('是', '否', '待定'));
    } catch (err) {
      expect((err as MetricError).text['zh-CN']).toBe('「成交列」第 3 行第 1 列的“待定”不是 是/否（也可用 Yes/No、TRUE/FALSE、1/0）');
    }
  });

  test('no non-blank cell → #DIV/0! (empty, all blank, single blank value)', () => {
    expect(codeOf(() => dealRate([]))).toBe('#DIV/0!');
    expect(codeOf(() => dealRate(column(null, '', undefined)))).toBe('#DIV/0!');
    expect(codeOf(() => dealRate(null))).toBe('#DIV/0!');
  });

  test('Excel data-type values count as their basic value', () => {
    const cells = column({ type: 'String', basicValue: '是' }, { type: 'Boolean', basicValue: false }, { type: 'Empty' });
    expect(countDeals(cells)).toEqual({ deals: 1, total: 2 });
    expect(countDeals(column('是', '否'), column('a', 'b'), [[{ type: 'String', basicValue: 'a' }]])).toEqual({ deals: 1, total: 1 });
    const amounts = column({ type: 'FormattedNumber', basicValue: 120, numberFormat: '¥0' }, { type: 'Double', basicValue: 80 });
    expect(countDeals(column('是', '否'), amounts, '>100')).toEqual({ deals: 1, total: 1 });
  });

  test('a single value and a 2-D block both work', () => {
    expect(dealRate('是')).toBe(1);
    expect(dealRate([['是', '否'], ['否', '否']])).toBe(0.25);
  });
});

describe('DEAL_RATE: COUNTIFS-style criteria', () => {
  const deal = column('是', '否', '是', '否', '是', null);
  const channel = column('微信', '微信', 'WeChat', '电话', '旺旺/千牛', '微信');
  const quantity = column(10, 5, 20, '12', 0, 8);
  const dates = column(isoToSerial('2026-11-01'), isoToSerial('2026-11-10'), isoToSerial('2026-11-20'), isoToSerial('2026-10-31'), isoToSerial('2026-11-24'), isoToSerial('2026-11-24'));

  test('exact text match is case-insensitive and only among rows meeting the criterion', () => {
    expect(dealRate(deal, channel, '微信')).toBe(0.5); // rows 1, 2 (row 6 blank deal)
    expect(dealRate(deal, channel, 'wechat')).toBe(1);
    expect(dealRate(deal, channel, '=WECHAT')).toBe(1);
  });

  test('<> matches every other cell', () => {
    expect(countDeals(deal, channel, '<>微信')).toEqual({ deals: 2, total: 3 });
  });

  test('wildcards * and ?, ~ escapes', () => {
    expect(countDeals(deal, channel, '旺旺*')).toEqual({ deals: 1, total: 1 });
    expect(countDeals(deal, channel, '?信')).toEqual({ deals: 1, total: 2 });
    expect(countDeals(deal, channel, '*')).toEqual({ deals: 3, total: 5 });
    const stars = column('a*b', 'axb');
    expect(countDeals(column('是', '否'), stars, 'a~*b')).toEqual({ deals: 1, total: 1 });
    expect(countDeals(column('是', '否'), stars, 'a*b')).toEqual({ deals: 1, total: 2 });
  });

  test('numeric operators compare number cells; equality also matches numeric text', () => {
    expect(countDeals(deal, quantity, '>=10')).toEqual({ deals: 2, total: 2 }); // 10, 20 (text "12" excluded, as Excel)
    expect(countDeals(deal, quantity, '<10')).toEqual({ deals: 1, total: 2 }); // 5, 0
    expect(countDeals(deal, quantity, 12)).toEqual({ deals: 0, total: 1 }); // the text "12"
    expect(countDeals(deal, quantity, '=12')).toEqual({ deals: 0, total: 1 });
    expect(countDeals(deal, quantity, '<>10')).toEqual({ deals: 2, total: 4 });
  });

  test('date operands compare with the serial numbers date cells hold', () => {
    expect(countDeals(deal, dates, '>=2026-11-01')).toEqual({ deals: 3, total: 4 });
    expect(countDeals(deal, dates, '<2026/11/1')).toEqual({ deals: 0, total: 1 });
  });

  test('several pairs combine with AND', () => {
    expect(countDeals(deal, channel, '微信', quantity, '>5')).toEqual({ deals: 1, total: 1 });
    expect(countDeals(deal, channel, '<>电话', dates, '>=2026-11-10', quantity, '>=0')).toEqual({ deals: 2, total: 3 });
  });

  test('blank criteria: "" or omitted matches blank cells, "<>" non-blank, "=" blank only', () => {
    const note = column('', null, 'x', undefined);
    const d = column('是', '否', '否', '是');
    expect(countDeals(d, note, '')).toEqual({ deals: 2, total: 3 });
    expect(countDeals(d, note, null)).toEqual({ deals: 2, total: 3 });
    expect(countDeals(d, note, '=')).toEqual({ deals: 2, total: 3 });
    expect(countDeals(d, note, '<>')).toEqual({ deals: 0, total: 1 });
  });

  test('logical criteria match logical cells', () => {
    const flags = column(true, false, 'TRUE', true);
    const d = column('是', '是', '否', '否');
    expect(countDeals(d, flags, true)).toEqual({ deals: 1, total: 2 });
    expect(countDeals(d, flags, 'TRUE')).toEqual({ deals: 1, total: 2 });
    expect(countDeals(d, flags, '<>FALSE')).toEqual({ deals: 1, total: 3 });
  });

  test('a criterion passed as a 1×1 range (Excel repeating range parameter) is its value; larger is #VALUE!', () => {
    expect(dealRate(deal, channel, [['微信']])).toBe(0.5);
    expect(codeOf(() => dealRate(deal, channel, [['微信'], ['电话']]))).toBe('#VALUE!');
  });

  test('odd criteria arguments and mismatched shapes are #VALUE!', () => {
    expect(codeOf(() => dealRate(deal, channel))).toBe('#VALUE!');
    expect(codeOf(() => dealRate(deal, column('微信'), '微信'))).toBe('#VALUE!');
    expect(codeOf(() => dealRate(deal, channel.map((r) => [...r, 'x']), '微信'))).toBe('#VALUE!');
  });

  test('criteria that select nothing → #DIV/0!', () => {
    expect(codeOf(() => dealRate(deal, channel, 'QQ'))).toBe('#DIV/0!');
  });

  test('bad deal cells outside the filter do not matter; inside it they are #VALUE!', () => {
    const d = column('是', '??', '否');
    const c = column('a', 'b', 'a');
    expect(dealRate(d, c, 'a')).toBe(0.5);
    expect(codeOf(() => dealRate(d, c, 'b'))).toBe('#VALUE!');
  });
});

describe('compileCriterion', () => {
  test('text ordering compares text cells alphabetically, case-insensitively', () => {
    const p = compileCriterion('>b');
    expect([p('c'), p('B'), p('a'), p(5), p(null)]).toEqual([true, false, false, false, false]);
  });

  test('numeric equality matches numbers and numeric text, ordering only numbers', () => {
    const eq = compileCriterion('10');
    expect([eq(10), eq('10'), eq(' 10 '), eq('ten'), eq(null)]).toEqual([true, true, true, false, false]);
    const ge = compileCriterion('>=10');
    expect([ge(10), ge(11), ge('12'), ge(null), ge(true)]).toEqual([true, true, false, false, false]);
  });

  test('regular-expression characters in text are literal', () => {
    const p = compileCriterion('a.b(c)');
    expect([p('a.b(c)'), p('axb(c)')]).toEqual([true, false]);
  });
});

describe('SS_HISTORY', () => {
  test('mean and sample standard deviation (STDEV.S) of the non-blank cells', () => {
    const stats = salesStats(column(10, 12, null, 8, '', 15, 5));
    expect(stats.count).toBe(5);
    expect(stats.mean).toBe(10);
    expect(stats.sd).toBeCloseTo(Math.sqrt(58 / 4), 14);
  });

  test('data-type values count as their basic value; an Empty value is blank', () => {
    const stats = salesStats(column({ type: 'FormattedNumber', basicValue: 4, numberFormat: '0' }, { type: 'Empty' }, 6));
    expect(stats).toEqual({ count: 2, mean: 5, sd: Math.SQRT2 });
  });

  test('0 is a real day without sales; numeric text counts', () => {
    expect(salesStats(column(0, 0, 6)).count).toBe(3);
    expect(salesStats(column('4', 6)).mean).toBe(5);
  });

  test('SS_HISTORY = SS with d = mean and σd = sample sd', () => {
    const sales = column(10, 12, 8, null, 15, 5);
    const sd = Math.sqrt(58 / 4);
    expect(ssHistory(sales, 7, 0.95)).toBeCloseTo(Z95 * sd * Math.sqrt(7), 10);
    expect(ssHistory(sales, 7, 0.95, 2, 3)).toBeCloseTo(Z95 * Math.sqrt(10 * sd * sd + 100 * 4), 10);
  });

  test('stays exact for large values with a small spread (two-pass variance)', () => {
    const stats = salesStats(column(1e9 + 1, 1e9 + 2, 1e9 + 3));
    expect(stats.sd).toBeCloseTo(1, 9);
  });

  test('fewer than 2 numbers → #N/A; text or TRUE/FALSE → #VALUE!; negative → #NUM!', () => {
    expect(codeOf(() => ssHistory(column(5), 7, 0.95))).toBe('#N/A');
    expect(codeOf(() => ssHistory(column(null, '', 5), 7, 0.95))).toBe('#N/A');
    expect(codeOf(() => ssHistory([], 7, 0.95))).toBe('#N/A');
    expect(codeOf(() => ssHistory(column('日销量', 5, 6), 7, 0.95))).toBe('#VALUE!');
    expect(codeOf(() => ssHistory(column(true, 5, 6), 7, 0.95))).toBe('#VALUE!');
    expect(codeOf(() => ssHistory(column(-1, 5, 6), 7, 0.95))).toBe('#NUM!');
    expect(codeOf(() => ssHistory(column(NaN, 5, 6), 7, 0.95))).toBe('#NUM!');
  });

  test('the #N/A message counts the values found', () => {
    try {
      ssHistory(column(5, null), 7, 0.95);
      throw new Error('no error');
    } catch (err) {
      expect((err as MetricError).text['en-US']).toBe('daily_sales needs at least 2 numbers (it has 1); blank cells do not count');
    }
  });

  test('the bad cell is named by row and column', () => {
    try {
      ssHistory([[1, 2], [3, 'x']], 7, 0.95);
      throw new Error('no error');
    } catch (err) {
      expect((err as MetricError).text['zh-CN']).toBe('「每日销量」第 2 行第 2 列应为数字（收到“x”）');
    }
  });
});
