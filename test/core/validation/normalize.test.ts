import { isoToSerial } from '../../../src/core/dates';
import { defaultListValues } from '../../../src/core/schema';
import {
  Invalid,
  foldListText,
  hasControlChar,
  isCellErrorText,
  isEmpty,
  listLookups,
  matchList,
  normalizeAmount,
  normalizeDate,
  normalizeQuantity,
  normalizeText,
  toHalfWidth,
  trimText,
} from '../../../src/core/validation';

const TODAY = '2026-11-24';
const code = (v: unknown) => (v instanceof Invalid ? v.code : `value:${String(v)}`);

describe('trimText', () => {
  it.each([
    ['  客户A  ', '客户A'],
    ['\u3000\u3000客户A\u3000', '客户A'],
    ['\u00a0tb123\u00a0', 'tb123'],
    ['\ufefftb123', 'tb123'],
    ['\t x \r\n', 'x'],
    ['clean', 'clean'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(trimText(input)).toBe(expected);
  });

  it('returns the same string object when nothing needs trimming', () => {
    const s = 'tb12345678';
    expect(trimText(s)).toBe(s);
  });
});

describe('toHalfWidth', () => {
  it.each([
    ['１２３', '123'],
    ['ＡＢＣｘｙｚ', 'ABCxyz'],
    ['１，２８０．５０', '1,280.50'],
    ['２０２６／１１／２４', '2026/11/24'],
    ['２０２６－１１－２４', '2026-11-24'],
    ['１２８０。５', '1280.5'],
    ['a\u3000b', 'a b'],
    ['￥１２', '\u00a512'],
    ['（备注）：！？', '(备注):!?'],
    ['中文不变', '中文不变'],
  ])('%j → %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('control characters and cell errors', () => {
  it.each(['a\u0000b', 'line1\nline2', 'tab\there', 'bell\u0007', 'del\u007f', 'c1\u0085', 'c1\u009f'])('%j has a control char', (s) => {
    expect(hasControlChar(s)).toBe(true);
  });
  it.each(['普通文字', 'tb-123_x', '=1+1', '\u00a0nbsp'])('%j has none', (s) => {
    expect(hasControlChar(s)).toBe(false);
  });
  it('recognises Excel error values read as text', () => {
    expect(isCellErrorText('#N/A')).toBe(true);
    expect(isCellErrorText('#VALUE!')).toBe(true);
    expect(isCellErrorText('#DIV/0!')).toBe(true);
    expect(isCellErrorText('#1 客户')).toBe(false);
  });
});

describe('normalizeText', () => {
  it('trims, keeps formula-looking text verbatim, folds full-width only when asked', () => {
    expect(normalizeText('  =1+1 ')).toBe('=1+1');
    expect(normalizeText('+8613812345678')).toBe('+8613812345678');
    expect(normalizeText('@SUM(A1)')).toBe('@SUM(A1)');
    expect(normalizeText('-x')).toBe('-x');
    expect(normalizeText('ＴＢ１２３', { halfWidth: true })).toBe('TB123');
    expect(normalizeText('ＴＢ１２３')).toBe('ＴＢ１２３');
  });
  it('turns numbers and booleans from cells into text, empty into null', () => {
    expect(normalizeText(12345)).toBe('12345');
    expect(normalizeText(true)).toBe('TRUE');
    expect(normalizeText('')).toBeNull();
    expect(normalizeText('   ')).toBeNull();
    expect(normalizeText(null)).toBeNull();
    expect(normalizeText(undefined)).toBeNull();
  });
  it('rejects control characters, error values, objects and over-long text', () => {
    expect(code(normalizeText('a\nb'))).toBe('controlChar');
    expect(code(normalizeText('x\u0001'))).toBe('controlChar');
    expect(code(normalizeText('#N/A'))).toBe('cellError');
    expect(code(normalizeText({ a: 1 }))).toBe('notText');
    expect(code(normalizeText('x'.repeat(65), { maxLength: 64 }))).toBe('tooLong');
    expect(normalizeText('x'.repeat(64), { maxLength: 64 })).toBe('x'.repeat(64));
  });
});

describe('normalizeAmount', () => {
  it.each<[unknown, number]>([
    ['¥1,280.50', 1280.5],
    ['￥１，２８０．５０', 1280.5],
    ['1280.5元', 1280.5],
    ['1280.50 元', 1280.5],
    ['RMB 1280', 1280],
    ['rmb1280', 1280],
    ['CNY 99.9', 99.9],
    ['人民币 300', 300],
    ['１２８０。５', 1280.5],
    ['  88  ', 88],
    ['12', 12],
    ['0', 0],
    ['.5', 0.5],
    [1280.5, 1280.5],
    [0.1 + 0.2, 0.3],
    ['1,234,567.89', 1234567.89],
    ['300块', 300],
    ['1280.500', 1280.5],
  ])('%j → %p', (input, expected) => {
    expect(normalizeAmount(input)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['两百元', 'notNumber'],
    ['abc', 'notNumber'],
    ['12a', 'notNumber'],
    ['1,28,0', 'notNumber'],
    [true, 'notNumber'],
    [Number.NaN, 'notNumber'],
    [Number.POSITIVE_INFINITY, 'notNumber'],
    ['-5', 'negative'],
    ['¥-5', 'negative'],
    [-0.01, 'negative'],
    ['1.234', 'tooManyDecimals'],
    [12.345, 'tooManyDecimals'],
  ])('%j → %s', (input, expected) => {
    expect(code(normalizeAmount(input))).toBe(expected);
  });

  it('treats empty as null', () => {
    expect(normalizeAmount('')).toBeNull();
    expect(normalizeAmount('  ')).toBeNull();
    expect(normalizeAmount(null)).toBeNull();
  });
});

describe('normalizeQuantity', () => {
  it.each<[unknown, number]>([
    ['12', 12],
    ['１２', 12],
    [12.0, 12],
    ['12.0', 12],
    ['1,200', 1200],
    ['12件', 12],
    ['3 个', 3],
    ['5pcs', 5],
    [0, 0],
  ])('%j → %p', (input, expected) => {
    expect(normalizeQuantity(input)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['-1', 'negative'],
    [-3, 'negative'],
    ['1.5', 'notWholeNumber'],
    [2.5, 'notWholeNumber'],
    ['十二', 'notNumber'],
    ['12kg', 'notNumber'],
    [false, 'notNumber'],
  ])('%j → %s', (input, expected) => {
    expect(code(normalizeQuantity(input))).toBe(expected);
  });
});

describe('normalizeDate', () => {
  it.each<[unknown, string]>([
    ['2026-11-24', '2026-11-24'],
    ['2026/11/24', '2026-11-24'],
    ['2026.11.24', '2026-11-24'],
    ['2026-1-5', '2026-01-05'],
    ['2026年11月24日', '2026-11-24'],
    ['2026 年 3 月 5 日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['２０２６年１１月２４日', '2026-11-24'],
    ['２０２６／１１／２４', '2026-11-24'],
    ['11/24', '2026-11-24'],
    ['3/5', '2026-03-05'],
    ['11月24日', '2026-11-24'],
    ['3月5日', '2026-03-05'],
    ['20261124', '2026-11-24'],
    [20261124, '2026-11-24'],
    ['2026-11-24 15:30', '2026-11-24'],
    ['2026-11-24T00:00:00.000Z', '2026-11-24'],
    [isoToSerial('2026-11-24'), '2026-11-24'],
    [String(isoToSerial('2026-11-24')), '2026-11-24'],
    [isoToSerial('2026-11-24') + 0.75, '2026-11-24'],
    [new Date(Date.UTC(2026, 10, 24)), '2026-11-24'],
    [new Date(2026, 10, 24, 0, 0, 0), '2026-11-24'],
    [new Date(2026, 10, 24, 18, 30, 0), '2026-11-24'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeDate(input, TODAY)).toBe(expected);
  });

  it('takes the year of today for month/day input', () => {
    expect(normalizeDate('2/3', '2030-06-01')).toBe('2030-02-03');
    expect(normalizeDate('2月3日', '2030-06-01')).toBe('2030-02-03');
  });

  it.each<[unknown, string]>([
    ['2026-02-30', 'impossibleDate'],
    ['2026/02/30', 'impossibleDate'],
    ['2026年2月30日', 'impossibleDate'],
    ['2025-02-29', 'impossibleDate'],
    ['2/30', 'impossibleDate'],
    ['2026-13-01', 'impossibleDate'],
    ['20260230', 'impossibleDate'],
    ['明天', 'invalidDate'],
    ['2026-11', 'invalidDate'],
    ['2026-11/24', 'invalidDate'],
    [12, 'invalidDate'],
    [-1, 'invalidDate'],
    [true, 'invalidDate'],
    [new Date('nonsense'), 'invalidDate'],
  ])('%j → %s', (input, expected) => {
    expect(code(normalizeDate(input, TODAY))).toBe(expected);
  });

  it('accepts 29 February in a leap year and leaves the future rule to the caller', () => {
    expect(normalizeDate('2028-02-29', TODAY)).toBe('2028-02-29');
  });

  it('treats empty as null', () => {
    expect(normalizeDate('', TODAY)).toBeNull();
    expect(normalizeDate(' ', TODAY)).toBeNull();
    expect(normalizeDate(null, TODAY)).toBeNull();
  });
});

describe('list matching', () => {
  const lists = defaultListValues();
  const lk = listLookups(lists);

  it.each<[keyof typeof lk, unknown, string]>([
    ['channel', '微信', '微信'],
    ['channel', ' 微信 ', '微信'],
    ['channel', 'WeChat', '微信'],
    ['channel', 'wechat', '微信'],
    ['channel', 'ｑｑ', 'QQ'],
    ['channel', 'qq', 'QQ'],
    ['channel', '旺旺 / 千牛', '旺旺/千牛'],
    ['channel', '旺旺／千牛', '旺旺/千牛'],
    ['channel', '1688 rfq', '1688询价单'],
    ['region', 'Inner Mongolia', '内蒙古'],
    ['region', 'overseas', '海外'],
    ['customerType', 'Distributor', '分销商'],
    ['noDealReason', 'price too high', '价格高'],
    ['followUp', 'To follow up', '待跟进'],
    ['deal', '是', '是'],
    ['deal', 'Yes', '是'],
    ['deal', 'Y', '是'],
    ['deal', 'y', '是'],
    ['deal', 'TRUE', '是'],
    ['deal', true, '是'],
    ['deal', 1, '是'],
    ['deal', '1', '是'],
    ['deal', '否', '否'],
    ['deal', 'No', '否'],
    ['deal', 'N', '否'],
    ['deal', 'false', '否'],
    ['deal', false, '否'],
    ['deal', 0, '否'],
    ['deal', '０', '否'],
  ])('%s: %j → %s', (list, input, expected) => {
    expect(matchList(input, lk[list])).toBe(expected);
  });

  it('rejects values outside the list and keeps empty as null', () => {
    expect(code(matchList('火星', lk.region))).toBe('notInList');
    expect(code(matchList('maybe', lk.deal))).toBe('notInList');
    expect(code(matchList(2, lk.deal))).toBe('notInList');
    expect(matchList('', lk.region)).toBeNull();
    expect(matchList('  ', lk.region)).toBeNull();
  });

  it("uses the workbook's own lists and notices a list grown in place", () => {
    const own = defaultListValues();
    own.agent = ['小美'];
    expect(matchList('小美', listLookups(own).agent)).toBe('小美');
    expect(code(matchList('阿杰', listLookups(own).agent))).toBe('notInList');
    own.agent.push('阿杰');
    expect(matchList('阿杰', listLookups(own).agent)).toBe('阿杰');
  });

  it('caches lookups per lists object', () => {
    expect(listLookups(lists)).toBe(lk);
    expect(listLookups(defaultListValues())).not.toBe(lk);
  });

  it('folds spellings to one key', () => {
    expect(foldListText(' Ｗｅ Ｃｈａｔ ')).toBe('wechat');
  });
});

describe('isEmpty', () => {
  it('is true for null, undefined, "" and blanks only', () => {
    expect([null, undefined, '', ' ', '\u3000'].every(isEmpty)).toBe(true);
    expect([0, '0', false, 'x'].some(isEmpty)).toBe(false);
  });
});
