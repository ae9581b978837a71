/**
 * Native Excel equivalents of the 21 SHOP.* functions, for workbooks sent to people without the add-in (Excel, WPS,
 * LibreOffice). Each builder takes the arguments as formula text (already native) and returns a formula expression
 * that gives the same number as core/metrics, or an Excel error of the same kind, in the same order of checks.
 *
 * How the checks keep core's order without LET (LibreOffice 7.x has none): every check is an expression that is
 * either an error or a number, and checks are combined left to right with `*` or `+`; Excel and LibreOffice return
 * the left operand's error first, so the first failing check is the one the cell shows, as in core.
 *
 * Known differences, stated in the help page of `share`: booleans in a DEAL_RATE column are counted by COUNTIFS
 * differently in LibreOffice (TRUE = 1), and text cells inside an SS_HISTORY range are a #VALUE! even when they
 * hold numeric text. Cells with only spaces read as text, not blank.
 */
import type { FunctionId } from '../metrics/catalog';

/** An argument: formula text, or null when the call left it out. */
export type Arg = string | null;

const NUMBER_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function wrap(x: string): string {
  return NUMBER_LITERAL.test(x) ? x : `(${x})`;
}

/** A value read as core's readNumber does: TRUE/FALSE → #VALUE!, blank → 0, numeric text → its number. */
function num(x: string): string {
  if (NUMBER_LITERAL.test(x)) return x;
  const v = wrap(x);
  return `IF(ISLOGICAL(${v}),#VALUE!,IF(TRIM(${v}&"")="",0,${v}+0))`;
}

function blank(x: string): string {
  return `TRIM(${wrap(x)}&"")=""`;
}

/** A required number that cannot be negative: the number, or #NUM!. */
function nonNegative(x: string): string {
  if (NUMBER_LITERAL.test(x)) return Number(x) < 0 ? '#NUM!' : x;
  const n = num(x);
  return `IF(${n}<0,#NUM!,${n})`;
}

/** An optional non-negative number: `fallback` when left out or blank. */
function optionalNonNegative(x: Arg, fallback: string): string {
  if (x === null) return fallback;
  return `IF(${blank(x)},${fallback},${nonNegative(x)})`;
}

/** A number that is 0 when every check passed and the first failing check's error otherwise. */
function checks(...parts: string[]): string {
  return parts.map((p) => `(${p})*0`).join('+');
}

function shareOf(part: Arg, whole: Arg): string {
  const p = num(part ?? '0');
  const w = num(whole ?? '0');
  return `${checks(nonNegative(part ?? '0'), nonNegative(whole ?? '0'))}+IF(${w}=0,#DIV/0!,IF(${p}>${w},#NUM!,${p}/${w}))`;
}

function ratio(top: Arg, bottom: Arg): string {
  const b = num(bottom ?? '0');
  return `${checks(nonNegative(top ?? '0'), nonNegative(bottom ?? '0'))}+IF(${b}=0,#DIV/0!,${num(top ?? '0')}/${b})`;
}

const SILENT_BASIS_WORDS = ['uv', 'visitors', '访客', '访客数', 'buyers', '买家', '买家数'];

/** The basis argument of SILENT_CVR: blank or a known word, else #VALUE! (equality is case-insensitive). */
function silentBasis(basis: Arg): string {
  if (basis === null) return '0';
  const k = `TRIM(${wrap(basis)}&"")`;
  return `IF(OR(${k}="",${SILENT_BASIS_WORDS.map((w) => `${k}="${w}"`).join(',')}),0,#VALUE!)`;
}

/** Service level strictly between 0 and 1; for safety stock also at least 0.5. */
function serviceLevel(x: string, atLeastHalf: boolean): string {
  const p = num(x);
  const inner = atLeastHalf ? `IF(${p}<0.5,#NUM!,${p})` : p;
  return `IF(AND(${p}>0,${p}<1),${inner},#NUM!)`;
}

function optionalValue(x: Arg): string {
  if (x === null) return '0';
  return `IF(${blank(x)},0,${num(x)})`;
}

/** z·√((L+R)·σd² + d²·σL²) from native expressions. */
function statistical(level: string, sd: string, lead: string, review: string, avg: string, leadSd: string): string {
  return `_xlfn.NORM.S.INV(${level})*SQRT((${lead}+${review})*(${sd})^2+(${avg}*${leadSd})^2)`;
}

/** σL given (not blank) while the average demand is left out or blank → #VALUE!, as core's needsAvgDemand. */
function needsAverage(avg: Arg, leadSd: Arg): string {
  if (leadSd === null) return '0';
  if (avg === null) return `IF(${blank(leadSd)},0,#VALUE!)`;
  return `IF(AND(NOT(${blank(leadSd)}),${blank(avg)}),#VALUE!,0)`;
}

const YES_WORDS = ['"是"', '"yes"', '"y"', '1'];
const NO_WORDS = ['"否"', '"no"', '"n"', '0'];

function dealRate(range: string, pairs: string[]): string {
  const tail = pairs.length > 0 ? `,${pairs.join(',')}` : '';
  const count = (criterion: string) => `COUNTIFS(${range},${criterion}${tail})`;
  const yes = YES_WORDS.map(count).join('+');
  const no = NO_WORDS.map(count).join('+');
  const total = count('"<>"');
  return `IF(${yes}+${no}<${total},#VALUE!,IF(${total}=0,#DIV/0!,(${yes})/${total}))`;
}

function ssHistory(args: Arg[]): string {
  const [range, lead, level, leadSd, review] = args;
  const r = range ?? '';
  const L = num(lead ?? '0');
  const p = num(level ?? '0');
  const head = checks(nonNegative(lead ?? '0'), serviceLevel(level ?? '0', true), optionalNonNegative(leadSd, '0'), optionalNonNegative(review, '0'));
  const value = statistical(p, `_xlfn.STDEV.S(${r})`, L, optionalValue(review), `AVERAGE(${r})`, optionalValue(leadSd));
  return `${head}+IF(COUNTA(${r})>COUNT(${r}),#VALUE!,IF(COUNTIF(${r},"<0")>0,#NUM!,IF(COUNT(${r})<2,#N/A,${value})))`;
}

function safetyStock(args: Arg[]): string {
  const [level, sd, lead, avg, leadSd, review] = args;
  const head = checks(
    serviceLevel(level ?? '0', true),
    nonNegative(sd ?? '0'),
    nonNegative(lead ?? '0'),
    optionalNonNegative(avg, '0'),
    optionalNonNegative(leadSd, '0'),
    optionalNonNegative(review, '0'),
    needsAverage(avg, leadSd),
  );
  return `${head}+${statistical(num(level ?? '0'), num(sd ?? '0'), num(lead ?? '0'), optionalValue(review), optionalValue(avg), optionalValue(leadSd))}`;
}

function ssMaxAvg(args: Arg[]): string {
  const [a, b, c, d] = args.map((x) => x ?? '0');
  const [A, B, C, D] = [a, b, c, d].map(num);
  return `${checks(nonNegative(a), nonNegative(b), nonNegative(c), nonNegative(d))}+IF(${A}<${C},#NUM!,0)+IF(${B}<${D},#NUM!,0)+${A}*${B}-${C}*${D}`;
}

export interface Arity {
  min: number;
  max: number;
}

/** Argument counts as the custom functions accept them; DEAL_RATE takes criteria pairs after the range. */
export const ARITY: Record<FunctionId, Arity> = {
  CVR: { min: 2, max: 2 },
  INQUIRY_RATE: { min: 2, max: 2 },
  INQUIRY_CVR: { min: 2, max: 2 },
  SILENT_CVR: { min: 2, max: 3 },
  DEAL_RATE: { min: 1, max: 255 },
  CTR: { min: 2, max: 2 },
  UV_VALUE: { min: 2, max: 2 },
  AOV: { min: 2, max: 2 },
  REPURCHASE: { min: 2, max: 2 },
  REMIND_RATE: { min: 2, max: 2 },
  ROI: { min: 2, max: 2 },
  BREAKEVEN_ROI: { min: 1, max: 1 },
  REFUND_RATE: { min: 2, max: 2 },
  ORDERS: { min: 2, max: 3 },
  SERVICE_FACTOR: { min: 1, max: 1 },
  SS_DAYS: { min: 2, max: 2 },
  SAFETY_STOCK: { min: 3, max: 6 },
  SS_HISTORY: { min: 3, max: 5 },
  SS_MAXAVG: { min: 4, max: 4 },
  ROP: { min: 3, max: 3 },
  SAFETY_DAYS: { min: 2, max: 2 },
};

/** Why a call cannot be written natively (the caller reports it and leaves the formula as it was). */
export type NativeProblem = 'arity' | 'criteriaPairs' | 'rangeMissing';

/** The native expression of one call, or the reason it has none. Arguments are native formula text or null. */
export function nativeCall(id: FunctionId, args: Arg[]): string | NativeProblem {
  const { min, max } = ARITY[id];
  if (args.length < min || args.length > max) return 'arity';
  for (let i = args.length; i < max && i < 6; i++) args = [...args, null];
  const [a, b, c] = args;
  switch (id) {
    case 'CVR':
    case 'INQUIRY_RATE':
    case 'INQUIRY_CVR':
    case 'CTR':
    case 'REPURCHASE':
    case 'REMIND_RATE':
    case 'REFUND_RATE':
      return shareOf(a, b);
    case 'SILENT_CVR':
      return `(${silentBasis(c)})+${shareOf(a, b)}`;
    case 'UV_VALUE':
    case 'AOV':
    case 'ROI':
    case 'SAFETY_DAYS':
      return ratio(a, b);
    case 'BREAKEVEN_ROI': {
      const m = num(a ?? '0');
      return `IF(OR(${m}<0,${m}>1),#NUM!,IF(${m}=0,#DIV/0!,1/${m}))`;
    }
    case 'ORDERS': {
      const cvr = num(b ?? '0');
      return `${nonNegative(a ?? '0')}*IF(OR(${cvr}<0,${cvr}>1),#NUM!,${cvr})*${optionalNonNegative(c, '1')}`;
    }
    case 'SERVICE_FACTOR': {
      return `_xlfn.NORM.S.INV(${serviceLevel(a ?? '0', false)})`;
    }
    case 'SS_DAYS':
      return `${nonNegative(a ?? '0')}*${nonNegative(b ?? '0')}`;
    case 'SAFETY_STOCK':
      return safetyStock(args);
    case 'SS_HISTORY':
      if (a === null) return 'rangeMissing';
      return ssHistory(args);
    case 'SS_MAXAVG':
      return ssMaxAvg(args);
    case 'ROP':
      return `${checks(nonNegative(a ?? '0'), nonNegative(b ?? '0'), nonNegative(c ?? '0'))}+${num(a ?? '0')}*${num(b ?? '0')}+${num(c ?? '0')}`;
    case 'DEAL_RATE': {
      const pairs = args.slice(1);
      while (pairs.length > 0 && pairs[pairs.length - 1] === null) pairs.pop();
      if (a === null) return 'rangeMissing';
      if (pairs.length % 2 !== 0 || pairs.some((p) => p === null)) return 'criteriaPairs';
      return dealRate(a, pairs as string[]);
    }
  }
}
