/**
 * How one argument becomes a number. Decisions (the same for every function, documented in the help page):
 * - blank (null, undefined, "" or only spaces) is Excel's empty cell: a required argument reads it as 0 (as `=A1/B1`
 *   does), an optional one as omitted. Excel desktop sends empty cells as 0 and the web as null or "", so treating all
 *   three alike keeps results identical everywhere.
 * - TRUE/FALSE → #VALUE!. A logical in a count is almost always a wrong reference; silently reading TRUE as 1 would
 *   hide it.
 * - numeric text is read as the number Excel would see: "2000", " 1.5 ", "1,280.50", "1.5%" (= 0.015), "1e3".
 *   Any other text → #VALUE!.
 * - NaN or ±Infinity (possible only from code, not from a cell) → #NUM!.
 */
import type { Text } from '../i18n';
import { functionsText as M } from '../i18n/functions';
import { fail } from './errors';

const NUMERIC_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?%?$/i;

/** Short printable form of a value for messages. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Parses numeric text as Excel's arithmetic would; undefined when the text is not a number.
 * Thousands separators must be well placed ("1,280" yes, "12,80" no) so a list like "1,2" is not misread.
 */
export function parseNumericText(raw: string): number | undefined {
  const text = raw.trim();
  if (text === '' || !NUMERIC_TEXT.test(text) || !/\d/.test(text)) return undefined;
  const percent = text.endsWith('%');
  const n = Number((percent ? text.slice(0, -1) : text).replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

/**
 * The plain value of an Excel data-type value. The generated metadata lets `any` parameters receive data types
 * (allowCustomDataForDataTypeAny), so a formatted number or an entity can arrive as an object such as
 * {type: "FormattedNumber", basicValue: 30}; its basicValue is what a formula would see. Other values pass through.
 */
export function plainValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const cell = value as { type?: unknown; basicValue?: unknown };
  if (cell.type === 'Empty') return null;
  return 'basicValue' in cell ? cell.basicValue : value;
}

/** A scalar argument as a number, or null when blank. */
export function readNumber(raw: unknown, label: Text): number | null {
  const value = plainValue(raw);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('#NUM!', M.notFinite, { param: label });
    return value;
  }
  if (isBlank(value)) return null;
  if (typeof value === 'boolean') fail('#VALUE!', M.booleanNotNumber, { param: label });
  if (typeof value === 'string') {
    const n = parseNumericText(value);
    if (n === undefined) fail('#VALUE!', M.notNumber, { param: label, value: show(value) });
    return n;
  }
  // A range (or anything else) where one value belongs.
  return fail('#VALUE!', M.notNumber, { param: label, value: Array.isArray(value) ? '[range]' : show(value) });
}

/** A required number; blank reads as 0. */
export function required(value: unknown, label: Text): number {
  return readNumber(value, label) ?? 0;
}

/** A required number that cannot be negative (counts, amounts, days). */
export function nonNegative(value: unknown, label: Text): number {
  const n = required(value, label);
  if (n < 0) fail('#NUM!', M.negative, { param: label });
  return n;
}

/** An optional non-negative number: null when omitted or blank. */
export function optionalNonNegative(value: unknown, label: Text): number | null {
  const n = readNumber(value, label);
  if (n !== null && n < 0) fail('#NUM!', M.negative, { param: label });
  return n;
}

/** A denominator must not be 0 (checked after every argument has been read, so #VALUE!/#NUM! win). */
export function nonZero(n: number, label: Text): number {
  if (n === 0) fail('#DIV/0!', M.zeroDenominator, { param: label });
  return n;
}

/** A part of a whole (buyers of visitors, clicks of impressions…) cannot be larger than the whole. */
export function subsetOf(part: number, whole: number, partLabel: Text, wholeLabel: Text): void {
  if (part > whole) fail('#NUM!', M.subsetTooLarge, { part: partLabel, whole: wholeLabel });
}

/** Every result goes through here: an overflow (e.g. 1e308 ÷ 1e-308) becomes #NUM!, never Infinity. */
export function finite(result: number): number {
  if (!Number.isFinite(result)) fail('#NUM!', M.resultOverflow);
  // -0 shows as 0 in Excel but fails strict equality in tests and JSON; normalise it.
  return result === 0 ? 0 : result;
}
