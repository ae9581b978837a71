/**
 * Metric functions: the worked examples of the product design, the documented input decisions, and an error matrix
 * over every catalog function (blank, text, booleans, negatives, zeros, ranges, huge and non-finite numbers).
 */
import * as metrics from '../../src/core/metrics';
import { FUNCTION_CATALOG, MetricError } from '../../src/core/metrics';

type Outcome = number | string;

/** The value, or the Excel error code of a MetricError. Anything else thrown fails the test. */
function outcome(compute: () => number): Outcome {
  try {
    const value = compute();
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return value;
  } catch (err) {
    if (err instanceof MetricError) return err.code;
    throw err;
  }
}

function errorOf(compute: () => number): MetricError {
  try {
    compute();
  } catch (err) {
    if (err instanceof MetricError) return err;
    throw err;
  }
  throw new Error('expected a MetricError');
}

type Fn = (...args: unknown[]) => number;
const call = (id: string, args: unknown[]): Outcome => {
  const spec = FUNCTION_CATALOG.find((f) => f.id === id);
  if (!spec) throw new Error(`no catalog entry ${id}`);
  const fn = (metrics as unknown as Record<string, Fn>)[spec.jsName];
  return outcome(() => fn(...args));
};

const Z95 = 1.6448536269514722; // NORM.S.INV(0.95)

describe('worked examples (DESIGN.md)', () => {
  test('ORDERS: 2000 UV × 1.5% = 30 orders; 4000 × 1.3% = 52', () => {
    expect(metrics.orders(2000, 0.015)).toBe(30);
    expect(metrics.orders(4000, 0.013)).toBe(52);
    expect(metrics.orders(2000, '1.5%')).toBeCloseTo(30, 12);
    expect(metrics.orders(2000, 0.015, 2)).toBeCloseTo(60, 12);
  });

  test('SAFETY_DAYS(500, 30) ≈ 16.67 days', () => {
    expect(metrics.safetyDays(500, 30)).toBeCloseTo(16.6667, 4);
  });

  test('SS_DAYS(52, 16.7) = 868.4 (the design rounds to ≈867); 800 units cover only ≈15.4 days', () => {
    expect(metrics.ssDays(52, 16.7)).toBeCloseTo(868.4, 10);
    expect(metrics.safetyDays(800, 52)).toBeCloseTo(15.38, 2);
  });

  test('ROP(30, 10, 500) = 800', () => {
    expect(metrics.rop(30, 10, 500)).toBe(800);
  });

  test('SERVICE_FACTOR(0.95) = 1.644854 to 6 decimals, and other quantiles match NORM.S.INV', () => {
    expect(metrics.serviceFactor(0.95).toFixed(6)).toBe('1.644854');
    expect(metrics.serviceFactor(0.95)).toBeCloseTo(Z95, 13);
    expect(metrics.serviceFactor(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(metrics.serviceFactor(0.99)).toBeCloseTo(2.3263478740408408, 13);
    expect(metrics.serviceFactor(0.999)).toBeCloseTo(3.090232306167813, 13);
    expect(metrics.serviceFactor(0.5)).toBe(0);
    expect(metrics.serviceFactor(0.05)).toBeCloseTo(-Z95, 13);
    expect(metrics.serviceFactor(1e-10)).toBeCloseTo(-6.361340902404056, 11);
    expect(metrics.serviceFactor('95%')).toBeCloseTo(Z95, 13);
  });

  test('SERVICE_FACTOR is the inverse of the normal CDF across the range', () => {
    for (const p of [1e-300, 1e-15, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97575, 0.999999]) {
      expect(metrics.normalCdf(metrics.serviceFactor(p)) / p).toBeCloseTo(1, 12);
    }
  });

  test('SAFETY_STOCK(0.95, 20, 5) ≈ 73.56 = z·σd·√L', () => {
    expect(metrics.safetyStock(0.95, 20, 5)).toBeCloseTo(73.56, 2);
    expect(metrics.safetyStock(0.95, 20, 5)).toBeCloseTo(Z95 * 20 * Math.sqrt(5), 10);
  });

  test('SAFETY_STOCK with lead-time variation and review period: z·√((L+R)·σd² + d²·σL²)', () => {
    expect(metrics.safetyStock(0.95, 20, 5, 30, 2, 7)).toBeCloseTo(Z95 * Math.sqrt(12 * 400 + 900 * 4), 10);
    expect(metrics.safetyStock(0.95, 20, 5, null, null, 7)).toBeCloseTo(Z95 * 20 * Math.sqrt(12), 10);
    // avg_demand alone changes nothing: it only weighs the lead-time deviation.
    expect(metrics.safetyStock(0.95, 20, 5, 30)).toBeCloseTo(metrics.safetyStock(0.95, 20, 5), 12);
  });

  test('conversion family on the design figures', () => {
    expect(metrics.cvr(30, 2000)).toBeCloseTo(0.015, 15);
    expect(metrics.inquiryRate(160, 2000)).toBeCloseTo(0.08, 15);
    expect(metrics.inquiryCvr(48, 160)).toBeCloseTo(0.3, 15);
    expect(metrics.silentCvr(12, 2000)).toBeCloseTo(0.006, 15);
    expect(metrics.silentCvr(12, 30, 'buyers')).toBeCloseTo(0.4, 15);
    expect(metrics.ctr(350, 10000)).toBeCloseTo(0.035, 15);
    expect(metrics.repurchase(45, 300)).toBeCloseTo(0.15, 15);
    expect(metrics.remindRate(18, 40)).toBeCloseTo(0.45, 15);
    expect(metrics.refundRate(1200, 48000)).toBeCloseTo(0.025, 15);
  });

  test('value family: UV value = CVR × AOV, ROI and break-even ROI', () => {
    expect(metrics.uvValue(4500, 2000)).toBeCloseTo(2.25, 15);
    expect(metrics.aov(4500, 30)).toBe(150);
    expect(metrics.uvValue(4500, 2000)).toBeCloseTo(metrics.cvr(30, 2000) * metrics.aov(4500, 30), 12);
    expect(metrics.roi(6000, 1500)).toBe(4);
    expect(metrics.breakevenRoi(0.4)).toBeCloseTo(2.5, 15);
    expect(metrics.breakevenRoi('40%')).toBeCloseTo(2.5, 15);
    expect(metrics.breakevenRoi(1)).toBe(1);
  });

  test('SS_MAXAVG = dmax·Lmax − d·L', () => {
    expect(metrics.ssMaxAvg(60, 12, 30, 10)).toBe(420);
    expect(metrics.ssMaxAvg(30, 10, 30, 10)).toBe(0);
  });
});

describe('the catalog', () => {
  test('every help example with a stated result computes to it', () => {
    let checked = 0;
    for (const spec of FUNCTION_CATALOG) {
      const m = /^=SHOP\.(\w+)\(([^)]*)\) → (\S+)$/.exec(spec.example);
      expect(spec.example.startsWith(`=SHOP.${spec.id}(`)).toBe(true);
      if (!m) continue; // range examples (DEAL_RATE, SS_HISTORY) state no result
      const args = m[2].split(', ').map((a) => (a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a)));
      const stated = m[3];
      const got = call(spec.id, args) as number;
      const decimals = stated.endsWith('%') ? (stated.split('.')[1]?.length ?? 1) + 2 : stated.split('.')[1]?.length ?? 0;
      const want = stated.endsWith('%') ? Number(stated.slice(0, -1)) / 100 : Number(stated);
      expect([spec.id, Math.abs(got - want) <= 0.5 * 10 ** -decimals + 1e-12]).toEqual([spec.id, true]);
      checked++;
    }
    expect(checked).toBe(19);
  });

  test('every entry has both languages, a Chinese name and help text that states its basis', () => {
    for (const spec of FUNCTION_CATALOG) {
      expect(spec.name['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(spec.name['en-US']).toBe(spec.id);
      for (const lang of ['zh-CN', 'en-US'] as const) {
        expect(spec.description[lang].length).toBeGreaterThan(5);
        expect(spec.basis[lang].length).toBeGreaterThan(spec.description[lang].length / 2);
        for (const p of spec.params) expect(p.label[lang].length).toBeGreaterThan(0);
      }
    }
    const personBased = FUNCTION_CATALOG.filter((f) => f.basis['zh-CN'].includes('生意参谋')).map((f) => f.id);
    expect(personBased).toEqual(expect.arrayContaining(['CVR', 'INQUIRY_RATE', 'INQUIRY_CVR', 'SILENT_CVR', 'REPURCHASE', 'UV_VALUE', 'AOV']));
  });
});

describe('input decisions', () => {
  test('numeric text is read as Excel would: plain, spaced, thousands separators, percent, exponent', () => {
    expect(metrics.cvr('30', '2000')).toBeCloseTo(0.015, 15);
    expect(metrics.cvr(' 30 ', '2,000')).toBeCloseTo(0.015, 15);
    expect(metrics.aov('1,280.50', 1)).toBe(1280.5);
    expect(metrics.uvValue('1e3', 10)).toBe(100);
    expect(metrics.serviceFactor('97.5%')).toBeCloseTo(1.959963984540054, 13);
  });

  test('malformed numeric text is #VALUE!, with the parameter named in both languages', () => {
    for (const bad of ['12,80', '1,2', 'abc', '30 buyers', '%', '.', '1.2.3', '--1', '¥30']) {
      expect(call('CVR', [bad, 2000])).toBe('#VALUE!');
    }
    const err = errorOf(() => metrics.cvr('abc', 2000));
    expect(err.text['zh-CN']).toContain('支付买家数');
    expect(err.text['zh-CN']).toContain('abc');
    expect(err.text['en-US']).toContain('buyers');
  });

  test('TRUE/FALSE are #VALUE! in every numeric argument (never read as 1/0)', () => {
    expect(call('CVR', [true, 2000])).toBe('#VALUE!');
    expect(call('CVR', [30, false])).toBe('#VALUE!');
    expect(errorOf(() => metrics.serviceFactor(true)).text['en-US']).toContain('TRUE/FALSE');
  });

  test('Excel data-type values (formatted numbers, entities) count as their basic value', () => {
    const formatted = { type: 'FormattedNumber', basicValue: 30, numberFormat: '0' };
    expect(metrics.cvr(formatted, { type: 'Double', basicValue: 2000 })).toBeCloseTo(0.015, 15);
    expect(call('CVR', [{ type: 'Empty' }, 2000])).toBe(0);
    expect(call('CVR', [{ type: 'Boolean', basicValue: true }, 2000])).toBe('#VALUE!');
    expect(call('CVR', [{ type: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' }, 2000])).toBe('#VALUE!');
    expect(call('SILENT_CVR', [12, 30, { type: 'String', basicValue: 'buyers' }])).toBeCloseTo(0.4, 15);
  });

  test('blank (null, undefined, "", spaces) in a required argument reads as 0, like an empty cell in =A1/B1', () => {
    for (const blank of [null, undefined, '', '   ']) {
      expect(call('CVR', [blank, 2000])).toBe(0);
      expect(call('CVR', [30, blank])).toBe('#DIV/0!');
    }
  });

  test('blank in an optional argument means omitted', () => {
    for (const blank of [null, undefined, '']) {
      expect(metrics.orders(2000, 0.015, blank)).toBeCloseTo(30, 12);
      expect(metrics.safetyStock(0.95, 20, 5, blank, blank, blank)).toBeCloseTo(Z95 * 20 * Math.sqrt(5), 10);
      expect(metrics.silentCvr(12, 2000, blank)).toBeCloseTo(0.006, 15);
    }
  });

  test('checks run in a fixed order: type errors before ranges before zero divisors before subsets', () => {
    expect(call('CVR', ['x', 0])).toBe('#VALUE!');
    expect(call('CVR', [-1, 0])).toBe('#NUM!');
    expect(call('CVR', [5, 0])).toBe('#DIV/0!');
    expect(call('CVR', [5, 4])).toBe('#NUM!');
  });

  test('part greater than whole is #NUM! for every subset ratio', () => {
    for (const id of ['CVR', 'INQUIRY_RATE', 'INQUIRY_CVR', 'SILENT_CVR', 'CTR', 'REPURCHASE', 'REMIND_RATE', 'REFUND_RATE']) {
      expect(call(id, [11, 10])).toBe('#NUM!');
      expect(call(id, [10, 10])).toBe(1);
    }
    const err = errorOf(() => metrics.cvr(2001, 2000));
    expect(err.text['zh-CN']).toBe('「支付买家数」不能大于「访客数」（前者是后者的一部分）');
  });

  test('SILENT_CVR basis: uv (default) or buyers, in English or Chinese, any case; anything else #VALUE!', () => {
    for (const basis of ['uv', 'UV', ' visitors ', '访客', 'buyers', 'Buyers', '买家']) {
      expect(call('SILENT_CVR', [12, 30, basis])).toBeCloseTo(0.4, 15);
    }
    for (const basis of ['orders', 1, true, [['uv']]]) {
      expect(call('SILENT_CVR', [12, 30, basis])).toBe('#VALUE!');
    }
  });

  test('service level must be inside (0, 1); safety stock also needs it ≥ 0.5', () => {
    for (const level of [0, 1, 1.2, 95, '95', -0.5]) expect(call('SERVICE_FACTOR', [level])).toBe('#NUM!');
    expect(errorOf(() => metrics.serviceFactor(1.2)).text['zh-CN']).toContain('0.95 或 95%');
    expect(call('SAFETY_STOCK', [0.3, 20, 5])).toBe('#NUM!');
    expect(call('SAFETY_STOCK', [0.5, 20, 5])).toBe(0);
    expect(call('SS_HISTORY', [[[1], [2]], 5, 0.4])).toBe('#NUM!');
  });

  test('SAFETY_STOCK needs avg_demand when lead_time_sd is given (#VALUE!)', () => {
    const err = errorOf(() => metrics.safetyStock(0.95, 20, 5, null, 2));
    expect(err.code).toBe('#VALUE!');
    expect(err.text['en-US']).toBe('avg_demand is required when lead_time_sd is given');
  });

  test('CVR in ORDERS must be a fraction; gross margin in (0, 1]', () => {
    expect(call('ORDERS', [2000, 1.5])).toBe('#NUM!');
    expect(call('ORDERS', [2000, 1])).toBe(2000);
    expect(call('BREAKEVEN_ROI', [1.2])).toBe('#NUM!');
    expect(call('BREAKEVEN_ROI', [0])).toBe('#DIV/0!');
  });

  test('SS_MAXAVG: maxima below averages are #NUM!', () => {
    expect(call('SS_MAXAVG', [20, 12, 30, 10])).toBe('#NUM!');
    expect(call('SS_MAXAVG', [60, 8, 30, 10])).toBe('#NUM!');
  });

  test('overflowing results are #NUM!, never Infinity; huge but representable inputs work', () => {
    expect(call('UV_VALUE', [1e308, 1e-308])).toBe('#NUM!');
    expect(call('ROP', [1e308, 10, 0])).toBe('#NUM!');
    expect(call('SS_DAYS', [1e308, 2])).toBe('#NUM!');
    expect(call('CVR', [1e308, 1e308])).toBe(1);
    expect((call('SAFETY_STOCK', [0.95, 1e150, 1e150]) as number) / (Z95 * 1e150 * 1e75)).toBeCloseTo(1, 12);
    expect(call('SAFETY_STOCK', [0.95, 1e200, 1e200, 1e200, 1e200])).toBe('#NUM!');
  });

  test('a MetricError is an Error with the code in its message and a message per language', () => {
    const err = errorOf(() => metrics.cvr(5, 0));
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('#DIV/0! visitors is 0 or blank, so it cannot be divided by');
    expect(err.messageIn('zh-CN')).toBe('「访客数」为 0 或空白，无法作除数');
  });
});

describe('error matrix over every catalog function', () => {
  /** Valid arguments for each function and the positions of its numeric scalar parameters. */
  const BASE: Record<string, { args: unknown[]; numeric: number[] }> = {
    CVR: { args: [30, 2000], numeric: [0, 1] },
    INQUIRY_RATE: { args: [160, 2000], numeric: [0, 1] },
    INQUIRY_CVR: { args: [48, 160], numeric: [0, 1] },
    SILENT_CVR: { args: [12, 2000, 'uv'], numeric: [0, 1] },
    DEAL_RATE: { args: [[['是'], ['否']]], numeric: [] },
    CTR: { args: [350, 10000], numeric: [0, 1] },
    UV_VALUE: { args: [4500, 2000], numeric: [0, 1] },
    AOV: { args: [4500, 30], numeric: [0, 1] },
    REPURCHASE: { args: [45, 300], numeric: [0, 1] },
    REMIND_RATE: { args: [18, 40], numeric: [0, 1] },
    ROI: { args: [6000, 1500], numeric: [0, 1] },
    BREAKEVEN_ROI: { args: [0.4], numeric: [0] },
    REFUND_RATE: { args: [1200, 48000], numeric: [0, 1] },
    ORDERS: { args: [2000, 0.015, 2], numeric: [0, 1, 2] },
    SERVICE_FACTOR: { args: [0.95], numeric: [0] },
    SS_DAYS: { args: [52, 16.7], numeric: [0, 1] },
    SAFETY_STOCK: { args: [0.95, 20, 5, 30, 2, 7], numeric: [0, 1, 2, 3, 4, 5] },
    SS_HISTORY: { args: [[[10], [12], [8]], 7, 0.95, 2, 1], numeric: [1, 2, 3, 4] },
    SS_MAXAVG: { args: [60, 12, 30, 10], numeric: [0, 1, 2, 3] },
    ROP: { args: [30, 10, 500], numeric: [0, 1, 2] },
    SAFETY_DAYS: { args: [500, 30], numeric: [0, 1] },
  };

  /** What a 0 in each numeric position gives (value or error code), decided per function. */
  const ZERO: Record<string, Outcome[]> = {
    CVR: [0, '#DIV/0!'],
    INQUIRY_RATE: [0, '#DIV/0!'],
    INQUIRY_CVR: [0, '#DIV/0!'],
    SILENT_CVR: [0, '#DIV/0!'],
    CTR: [0, '#DIV/0!'],
    UV_VALUE: [0, '#DIV/0!'],
    AOV: [0, '#DIV/0!'],
    REPURCHASE: [0, '#DIV/0!'],
    REMIND_RATE: [0, '#DIV/0!'],
    ROI: [0, '#DIV/0!'],
    BREAKEVEN_ROI: ['#DIV/0!'],
    REFUND_RATE: [0, '#DIV/0!'],
    ORDERS: [0, 0, 0],
    SERVICE_FACTOR: ['#NUM!'],
    SS_DAYS: [0, 0],
    SAFETY_STOCK: ['#NUM!', Z95 * 30 * 2, Z95 * Math.sqrt(7 * 400 + 900 * 4), Z95 * 20 * Math.sqrt(12), Z95 * 20 * Math.sqrt(12), Z95 * Math.sqrt(5 * 400 + 900 * 4)],
    // daily sales 10, 12, 8: mean 10, sd 2
    SS_HISTORY: [Z95 * Math.sqrt(1 * 4 + 100 * 4), '#NUM!', Z95 * 2 * Math.sqrt(8), Z95 * Math.sqrt(7 * 4 + 100 * 4)],
    SS_MAXAVG: ['#NUM!', '#NUM!', 720, 720],
    ROP: [500, 500, 300],
    SAFETY_DAYS: [0, '#DIV/0!'],
  };

  test('every catalog function has a row in the matrix', () => {
    expect(Object.keys(BASE).sort()).toEqual(FUNCTION_CATALOG.map((f) => f.id).sort());
    expect(FUNCTION_CATALOG).toHaveLength(21);
  });

  const ids = Object.keys(BASE);

  test.each(ids)('%s: valid arguments give a finite number', (id) => {
    expect(typeof call(id, BASE[id].args)).toBe('number');
  });

  test.each(ids)('%s: text, TRUE/FALSE and ranges in a numeric argument are #VALUE!', (id) => {
    for (const i of BASE[id].numeric) {
      for (const bad of ['abc', 'N/A', true, false, [[1, 2]], { value: 1 }]) {
        const args = [...BASE[id].args];
        args[i] = bad;
        expect([i, bad, call(id, args)]).toEqual([i, bad, '#VALUE!']);
      }
    }
  });

  test.each(ids)('%s: negative, NaN and ±Infinity are #NUM!', (id) => {
    for (const i of BASE[id].numeric) {
      for (const bad of [-1, -0.001, '-5', NaN, Infinity, -Infinity]) {
        const args = [...BASE[id].args];
        args[i] = bad;
        expect([i, bad, call(id, args)]).toEqual([i, bad, '#NUM!']);
      }
    }
  });

  test.each(ids.filter((id) => ZERO[id]))('%s: zero in each numeric argument', (id) => {
    BASE[id].numeric.forEach((i, k) => {
      const args = [...BASE[id].args];
      args[i] = 0;
      const got = call(id, args);
      const want = ZERO[id][k];
      if (typeof want === 'number') {
        expect(typeof got).toBe('number');
        expect(got as number).toBeCloseTo(want, 9);
      } else {
        expect([i, got]).toEqual([i, want]);
      }
    });
  });

  test.each(ids)('%s: null and "" behave alike — as 0 when required, as omitted when optional', (id) => {
    const spec = FUNCTION_CATALOG.find((f) => f.id === id)!;
    for (const i of BASE[id].numeric) {
      const withNull = [...BASE[id].args];
      withNull[i] = null;
      const withEmpty = [...BASE[id].args];
      withEmpty[i] = '';
      // Omitted optionals arrive as null (Excel's own convention); a required blank reads as an empty cell, 0.
      const reference = [...BASE[id].args];
      reference[i] = spec.params[i].optional ? null : 0;
      const expected = call(id, reference);
      expect([i, call(id, withNull)]).toEqual([i, expected]);
      expect([i, call(id, withEmpty)]).toEqual([i, expected]);
    }
  });

  test.each(ids)('%s: huge values (1e308) give a finite number or #NUM!, never Infinity', (id) => {
    for (const i of BASE[id].numeric) {
      const args = [...BASE[id].args];
      args[i] = 1e308;
      const got = call(id, args);
      if (typeof got === 'string') expect(['#NUM!', '#DIV/0!']).toContain(got);
      else expect(Number.isFinite(got)).toBe(true);
    }
  });

  test('random inputs never produce NaN, Infinity or a foreign exception', () => {
    const pool: unknown[] = [0, 1, 0.5, 0.95, 2, 30, 2000, 1e308, 1e-308, -1, NaN, Infinity, null, '', '12', 'x', true, [[1]]];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 3000; n++) {
      const id = ids[Math.floor(next() * ids.length)];
      const args = BASE[id].args.map((a, i) => (BASE[id].numeric.includes(i) ? pool[Math.floor(next() * pool.length)] : a));
      const got = call(id, args); // throws on NaN/Infinity or a non-MetricError
      if (typeof got === 'string') expect(['#NUM!', '#DIV/0!', '#VALUE!', '#N/A']).toContain(got);
    }
  });
});
