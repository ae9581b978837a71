/**
 * The custom-function wrappers, called as Excel calls them (omitted optionals as null, ranges as any[][], repeating
 * arguments as an array), with the CustomFunctions stub from test/setup/globals.ts.
 */
import * as fns from '../../src/functions/functions';
import { toCustomFunctionsError, errorLanguage } from '../../src/functions/errors';
import { FUNCTION_CATALOG } from '../../src/core/metrics';

interface StubError extends Error {
  code: string;
}
const CF = (globalThis as unknown as { CustomFunctions: { Error: new (code: string, message?: string) => StubError } })
  .CustomFunctions;

type Fn = (...args: unknown[]) => number;
const byJsName = fns as unknown as Record<string, Fn>;

function thrown(compute: () => unknown): StubError {
  try {
    compute();
  } catch (err) {
    expect(err).toBeInstanceOf(CF.Error);
    return err as StubError;
  }
  throw new Error('expected a CustomFunctions.Error');
}

const globals = globalThis as unknown as { Office?: unknown };
function withOffice<T>(office: unknown, run: () => T): T {
  const before = globals.Office;
  globals.Office = office;
  try {
    return run();
  } finally {
    if (before === undefined) delete globals.Office;
    else globals.Office = before;
  }
}

const Z95 = 1.6448536269514722;

describe('exports', () => {
  test('every catalog function is exported under its camelCase name, and nothing else is', () => {
    for (const spec of FUNCTION_CATALOG) expect(typeof byJsName[spec.jsName]).toBe('function');
    expect(Object.keys(fns).sort()).toEqual(FUNCTION_CATALOG.map((f) => f.jsName).sort());
  });
});

describe('values', () => {
  test('the worked examples through the wrappers', () => {
    expect(fns.orders(2000, 0.015, null)).toBeCloseTo(30, 12);
    expect(fns.orders(4000, 0.013, null)).toBeCloseTo(52, 12);
    expect(fns.safetyDays(500, 30)).toBeCloseTo(16.67, 2);
    expect(fns.ssDays(52, 16.7)).toBeCloseTo(868.4, 10);
    expect(fns.rop(30, 10, 500)).toBe(800);
    expect(fns.serviceFactor(0.95).toFixed(6)).toBe('1.644854');
    expect(fns.safetyStock(0.95, 20, 5, null, null, null)).toBeCloseTo(73.56, 2);
    expect(fns.cvr(30, 2000)).toBeCloseTo(0.015, 15);
  });

  test('SS_HISTORY takes a column with blanks as Excel passes it', () => {
    const sales = [[10], [12], [null], [8], [''], [15], [5]];
    expect(fns.ssHistory(sales, 7, 0.95, null, null)).toBeCloseTo(Z95 * Math.sqrt(58 / 4) * Math.sqrt(7), 10);
  });

  test('DEAL_RATE: criteria arrive as one repeating argument of ranges; omitted as null, [] or [null]', () => {
    const deal = [['是'], ['否'], ['是'], ['否']];
    const channel = [['微信'], ['微信'], ['电话'], ['电话']];
    const qty = [[1], [2], [3], [4]];
    expect(fns.dealRate(deal, [channel, [['微信']]])).toBe(0.5);
    expect(fns.dealRate(deal, [channel, [['电话']], qty, [['>3']]])).toBe(0);
    for (const omitted of [undefined, null, [], [null]]) {
      expect(fns.dealRate(deal, omitted as never)).toBe(0.5);
    }
  });
});

describe('errors', () => {
  test('each Excel error code comes through with a message', () => {
    const cases: [() => unknown, string][] = [
      [() => fns.cvr(30, 0), '#DIV/0!'],
      [() => fns.serviceFactor(1.2), '#NUM!'],
      [() => fns.cvr('thirty', 2000), '#VALUE!'],
      [() => fns.ssHistory([[5]], 7, 0.95, null, null), '#N/A'],
      [() => fns.dealRate([['是']], [[['a'], ['b']], [['a']]]), '#VALUE!'],
      [() => fns.dealRate([[null]], null as never), '#DIV/0!'],
    ];
    for (const [run, code] of cases) {
      const err = thrown(run);
      expect(err.code).toBe(code);
      expect(err.message.length).toBeGreaterThan(5);
    }
  });

  test('every function rejects text where a number belongs with #VALUE!', () => {
    for (const spec of FUNCTION_CATALOG) {
      const args: unknown[] = spec.params.map(() => null);
      const first = spec.params.findIndex((p) => !p.optional && p.name !== 'deal_range' && p.name !== 'daily_sales');
      const target = first >= 0 ? first : 0;
      args[target] = spec.id === 'DEAL_RATE' ? [['not a deal']] : 'abc';
      if (spec.id === 'SS_HISTORY') args[0] = [[1], [2]];
      const err = thrown(() => byJsName[spec.jsName](...args));
      expect([spec.id, err.code]).toEqual([spec.id, '#VALUE!']);
    }
  });

  test('messages are Chinese by default (no Office, or Office not ready)', () => {
    expect(thrown(() => fns.cvr(30, 0)).message).toBe('「访客数」为 0 或空白，无法作除数');
    withOffice({}, () => expect(thrown(() => fns.cvr(30, 0)).message).toBe('「访客数」为 0 或空白，无法作除数'));
    const throwing = {
      get context(): never {
        throw new Error('not ready');
      },
    };
    withOffice(throwing, () => expect(errorLanguage()).toBe('zh-CN'));
  });

  test("messages follow Office's display language: English for en-*, Chinese otherwise", () => {
    withOffice({ context: { displayLanguage: 'en-US' } }, () => {
      expect(thrown(() => fns.cvr(30, 0)).message).toBe('visitors is 0 or blank, so it cannot be divided by');
    });
    withOffice({ context: { displayLanguage: 'en-GB' } }, () => expect(errorLanguage()).toBe('en-US'));
    withOffice({ context: { displayLanguage: 'zh-CN' } }, () => {
      expect(thrown(() => fns.serviceFactor(2)).message).toContain('「服务水平」');
    });
    withOffice({ context: { displayLanguage: 'fr-FR' } }, () => expect(errorLanguage()).toBe('zh-CN'));
  });

  test('random arguments give a finite number or a CustomFunctions.Error, nothing else', () => {
    const pool: unknown[] = [0, 1, 0.95, 30, 2000, -3, 1e308, NaN, null, '', 'x', '12', true, [['是']], [[1], [2], [null]], { type: 'Empty' }];
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return pool[Math.floor((seed / 2147483648) * pool.length)];
    };
    const codes = new Set<string>();
    for (let n = 0; n < 2000; n++) {
      const spec = FUNCTION_CATALOG[n % FUNCTION_CATALOG.length];
      const args = spec.params.map((p) => (p.repeating ? [pick(), pick()] : pick()));
      try {
        expect(Number.isFinite(byJsName[spec.jsName](...args))).toBe(true);
      } catch (err) {
        expect(err).toBeInstanceOf(CF.Error);
        codes.add((err as StubError).code);
      }
    }
    for (const code of codes) expect(['#DIV/0!', '#N/A', '#NUM!', '#VALUE!']).toContain(code);
    expect(codes.size).toBeGreaterThanOrEqual(3);
  });

  test('an unexpected exception still becomes #VALUE! with its text, never escapes raw', () => {
    const err = toCustomFunctionsError(new TypeError('boom'), 'en-US') as StubError;
    expect(err).toBeInstanceOf(CF.Error);
    expect(err.code).toBe('#VALUE!');
    expect(err.message).toBe('calculation failed: boom');
    expect((toCustomFunctionsError('odd', 'zh-CN') as StubError).message).toBe('计算出错：odd');
  });
});
