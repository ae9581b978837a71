/**
 * Normalisers: turn what people actually type (or what a sheet cell holds) into canonical values.
 * Each returns the canonical value, `null` for empty, or an `Invalid` carrying a stable code.
 * Hot path: the sheet check calls these for every cell, so values that are already clean
 * (an ISO date, a plain number, a trimmed ASCII string) return before any regex runs.
 */
import * as dates from '../dates';

// Bound once at load: esbuild's CommonJS output (tsx, the bench runner) turns every call through an import into
// getter calls, which a per-cell hot path cannot afford.
const { isValidIsoDate, serialToIso, toIso } = dates;

export type FieldErrorCode =
  | 'controlChar'
  | 'tooLong'
  | 'notText'
  | 'cellError'
  | 'invalidDate'
  | 'impossibleDate'
  | 'notNumber'
  | 'negative'
  | 'notWholeNumber'
  | 'tooManyDecimals'
  | 'tooLarge'
  | 'notInList';

/** A value that cannot be normalised. Shared instances: the hot path allocates nothing for a failure. */
export class Invalid {
  constructor(readonly code: FieldErrorCode) {}
}

const INVALID: { readonly [C in FieldErrorCode]: Invalid } = {
  controlChar: new Invalid('controlChar'),
  tooLong: new Invalid('tooLong'),
  notText: new Invalid('notText'),
  cellError: new Invalid('cellError'),
  invalidDate: new Invalid('invalidDate'),
  impossibleDate: new Invalid('impossibleDate'),
  notNumber: new Invalid('notNumber'),
  negative: new Invalid('negative'),
  notWholeNumber: new Invalid('notWholeNumber'),
  tooManyDecimals: new Invalid('tooManyDecimals'),
  tooLarge: new Invalid('tooLarge'),
  notInList: new Invalid('notInList'),
};

export function invalid(code: FieldErrorCode): Invalid {
  return INVALID[code];
}

export function isInvalid(value: unknown): value is Invalid {
  return value instanceof Invalid;
}

/** null/undefined, "" and whitespace-only strings are "empty". */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'string' && trimText(value) === '';
}

// ------------------------------------------------------------------ text

/** Characters String.prototype.trim removes (ASCII controls and spaces, NBSP, U+1680, U+2000–U+200A, …, U+3000, BOM). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Trim whitespace at both ends: ASCII, the ideographic space (U+3000), NBSP, BOM and the other Unicode spaces.
 * Fast path: a string whose ends are visible characters is returned as is.
 */
export function trimText(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  if (!isTrimmed(s.charCodeAt(0)) && !isTrimmed(s.charCodeAt(n - 1))) return s;
  return s.trim();
}

/** Is any character below U+0020 or in U+007F–U+009F? */
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
export function hasControlChar(s: string): boolean {
  return CONTROL_RE.test(s);
}

/** Characters toHalfWidth changes: U+FF01–U+FF5E, the ideographic space and full stop, ｡ and ￥. */
function isFullWidthForm(c: number): boolean {
  return c >= 0x3000 && (c === 0x3000 || c === 0x3002 || (c >= 0xff01 && (c <= 0xff5e || c === 0xff61 || c === 0xffe5)));
}

/**
 * Full-width forms to half-width: U+FF01–U+FF5E (１２３ＡＢＣ，．－／：) → ASCII, the ideographic space → space,
 * 。 and ｡ → '.', ￥ → ¥. Fast path: a string with none of them (ASCII, or Chinese text) is returned as is.
 */
export function toHalfWidth(s: string): string {
  let i = 0;
  const n = s.length;
  while (i < n && !isFullWidthForm(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0x3002 || c === 0xff61) out += '.';
    else if (c === 0xffe5) out += '\u00a5';
    else out += s[i];
  }
  return out;
}

const CELL_ERROR_RE = /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/** An Excel error value read out of a cell as text (#N/A, #VALUE!, …). */
export function isCellErrorText(s: string): boolean {
  return s.charCodeAt(0) === 35 /* # */ && CELL_ERROR_RE.test(s);
}

export interface TextOptions {
  maxLength?: number;
  /** Fold full-width letters and digits to half-width (identifiers); free text keeps the user's characters. */
  halfWidth?: boolean;
}

/**
 * Free text and identifiers: trimmed, any C0/C1 control character rejected, length checked (UTF-16 units, as Excel
 * counts). Text that looks like a formula ("=1+1", "+86…", "@SUM(A1)") is data and is kept verbatim; writers store it
 * as text. Numbers and booleans from a cell become their display text.
 */
export function normalizeText(raw: unknown, options?: TextOptions): string | null | Invalid {
  return textValue(raw, options?.maxLength ?? Infinity, options?.halfWidth ?? false);
}

/** normalizeText with positional options: the per-cell path allocates no options object. */
export function textValue(raw: unknown, maxLength: number, halfWidth: boolean): string | null | Invalid {
  let s: string;
  if (typeof raw === 'string') s = raw;
  else if (raw === null || raw === undefined) return null;
  else if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return INVALID.notText;
    s = String(raw);
  } else if (typeof raw === 'boolean') s = raw ? 'TRUE' : 'FALSE';
  else return INVALID.notText;
  s = trimText(s);
  if (s === '') return null;
  if (CONTROL_RE.test(s)) return INVALID.controlChar;
  if (isCellErrorText(s)) return INVALID.cellError;
  if (halfWidth) s = toHalfWidth(s);
  if (s.length > maxLength) return INVALID.tooLong;
  return s;
}

/** Lower-case ASCII letters only (identifiers after half-width folding); a string without A–Z is returned as is. */
export function asciiLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return s;
}

// ------------------------------------------------------------------ numbers

const PLAIN_INT_RE = /^\d{1,15}$/;
/**
 * A number as people write it, after half-width folding: optional sign, optional currency (¥, RMB, CNY, 人民币) before
 * or 元/块/RMB/CNY after, thousands separators in groups of three, optional decimals.
 */
const NUMBER_RE =
  /^([+-]?)\s*(?:(?:\u00a5|rmb|cny|人民币)\s*)?([+-]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*(?:元|块|rmb|cny|人民币)?$/i;

/** A quantity may carry a unit word: 12件, 12 个, 12 pcs. */
const QUANTITY_RE = /^([+-]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*(?:件|个|只|套|箱|pcs?)?$/i;

/** Parse a numeric string (currency and units per `re`) into a number, or null when it is not a number. */
function parseNumberText(s: string, re: RegExp): number | null {
  const m = re.exec(toHalfWidth(s).trim());
  if (!m) return null;
  const negative = m[1] === '-' || (re === NUMBER_RE && m[2] === '-');
  const digits = (re === NUMBER_RE ? m[3] : m[2]).replace(/,/g, '');
  // Hundreds of digits parse to Infinity: still a number as typed, which the caller bounds (MAX_SHOP_NUMBER).
  const value = Number(digits);
  return negative ? -value : value;
}

/** Does x have more than 2 decimal places (tolerating binary floating-point noise like 0.1 + 0.2)? */
function hasMoreThanTwoDecimals(x: number): boolean {
  const cents = x * 100;
  return Math.abs(cents - Math.round(cents)) > 1e-6 * Math.max(1, Math.abs(cents));
}

/**
 * The largest amount (CNY) or quantity one log row can mean: a billion. Beyond it a value is a typo or a pasted ID,
 * and sums over such values would leave what floating point holds exactly (past ~1.8e306 they become Infinity).
 */
export const MAX_SHOP_NUMBER = 1_000_000_000;

/**
 * The number in a cell or a typed string, ≥ 0 and ≤ MAX_SHOP_NUMBER: plain digits take the fast path; other text is cleaned (full-width,
 * currency, separators, units) and parsed with `re`. Blank → null.
 */
function parseNonNegative(raw: unknown, re: RegExp): number | null | Invalid {
  let value: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return INVALID.notNumber;
    value = raw;
  } else if (typeof raw === 'string') {
    if (PLAIN_INT_RE.test(raw)) {
      const n = Number(raw);
      return n > MAX_SHOP_NUMBER ? INVALID.tooLarge : n;
    }
    const s = trimText(raw);
    if (s === '') return null;
    const parsed = parseNumberText(s, re);
    if (parsed === null) return INVALID.notNumber;
    value = parsed;
  } else if (raw === null || raw === undefined) return null;
  else return INVALID.notNumber;
  if (value < 0) return INVALID.negative;
  return value > MAX_SHOP_NUMBER ? INVALID.tooLarge : value;
}

/**
 * Amount in CNY, ≥ 0, at most 2 decimal places. "¥1,280.50", "￥１，２８０．５０", "1280.5元", "RMB 1280" → 1280.5.
 * More than 2 decimal places is rejected ('tooManyDecimals') rather than rounded: silently changing money is worse
 * than asking (Excel would only display a rounded value while keeping the third decimal in sums).
 */
export function normalizeAmount(raw: unknown): number | null | Invalid {
  const value = parseNonNegative(raw, NUMBER_RE);
  if (typeof value !== 'number') return value;
  if (hasMoreThanTwoDecimals(value)) return INVALID.tooManyDecimals;
  return Math.round(value * 100) / 100 || 0;
}

/** Whole-number quantity ≥ 0: 12, "12", "１２", 12.0, "12.0", "1,200", "12件". */
export function normalizeQuantity(raw: unknown): number | null | Invalid {
  const value = parseNonNegative(raw, QUANTITY_RE);
  if (typeof value !== 'number') return value;
  if (!Number.isInteger(value)) return INVALID.notWholeNumber;
  return value || 0;
}

// ------------------------------------------------------------------ dates

/**
 * Excel serials accepted as dates: 2000-01-01 (36526) to 2099-12-31 (73050). An inquiry log has no earlier or later
 * dates, and the range keeps a stray quantity ("12") in a date column from passing as 1900-01-12.
 */
export const MIN_DATE_SERIAL = 36526;
export const MAX_DATE_SERIAL = 73050;

const serialCache = new Map<number, string>();
/** ISO date of an Excel serial already known to be in range (cached: a log repeats its dates). */
export function serialIso(serial: number): string {
  const day = Math.floor(serial);
  let iso = serialCache.get(day);
  if (iso === undefined) {
    iso = serialToIso(day);
    if (serialCache.size < 50_000) serialCache.set(day, iso);
  }
  return iso;
}

function fromParts(y: number, m: number, d: number): string | Invalid {
  return isValidIsoDate(y, m, d) ? toIso(y, m, d) : INVALID.impossibleDate;
}

const FULL_DATE_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const CJK_DATE_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const MONTH_DAY_RE = /^(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?$/;
const COMPACT_DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT_RE = /^\d{5}(?:\.\d+)?$/;

/** yyyymmdd as a number (20261124), which people and some exports use. */
function fromCompactNumber(n: number): string | Invalid | null {
  if (!Number.isInteger(n) || n < 19000101 || n > 99991231) return null;
  return fromParts(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
}

function fromSerial(n: number): string | Invalid {
  if (n >= MIN_DATE_SERIAL && n < MAX_DATE_SERIAL + 1) return serialIso(n);
  return fromCompactNumber(n) ?? INVALID.invalidDate;
}

/** Fast check for an already-canonical ISO date string yyyy-mm-dd. */
function isoFastPath(s: string): string | Invalid | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return isValidIsoDate(y, m, d) ? s : INVALID.impossibleDate;
}

/**
 * Dates as ISO yyyy-mm-dd from: "2026-11-24", "2026/11/24", "2026.11.24" (optionally with a time), "2026年11月24日",
 * "11/24" and "11月24日" (the year of `today`), "20261124", Excel serials (number or numeric text, 2000–2099),
 * and Date objects. Whether a date may be in the future is the caller's rule (a next follow-up usually is).
 *
 * A Date at exactly UTC midnight is read in UTC (exceljs and JSON give those); any other Date is read in local time
 * (a date picker's local midnight).
 */
export function normalizeDate(raw: unknown, today: string): string | null | Invalid {
  if (typeof raw === 'string') {
    const fast = isoFastPath(raw);
    if (fast !== null) return fast;
    // A sheet repeats the same typed dates many times: remember the answers (for one `today`, since "11/24" and
    // "11月24日" take its year).
    if (textCacheToday !== today) {
      textCache.clear();
      textCacheToday = today;
    }
    let parsed = textCache.get(raw);
    if (parsed === undefined) {
      parsed = parseDateText(raw, today);
      if (textCache.size < 10_000) textCache.set(raw, parsed);
    }
    return parsed;
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return INVALID.invalidDate;
    return fromSerial(raw);
  }
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) {
    const ms = raw.getTime();
    if (Number.isNaN(ms)) return INVALID.invalidDate;
    const utcMidnight = ms % 86_400_000 === 0;
    return utcMidnight
      ? fromParts(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate())
      : fromParts(raw.getFullYear(), raw.getMonth() + 1, raw.getDate());
  }
  return INVALID.invalidDate;
}

const textCache = new Map<string, string | null | Invalid>();
let textCacheToday = '';

function parseDateText(raw: string, today: string): string | null | Invalid {
  const s = toHalfWidth(trimText(raw)).trim();
  if (s === '') return null;
  let m = FULL_DATE_RE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]));
  m = CJK_DATE_RE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY_RE.exec(s);
  if (m) return fromParts(Number(today.slice(0, 4)), Number(m[1]), Number(m[2]));
  m = COMPACT_DATE_RE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL_TEXT_RE.test(s)) return fromSerial(Number(s));
  return INVALID.invalidDate;
}
