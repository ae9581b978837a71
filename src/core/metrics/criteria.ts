/**
 * COUNTIFS-style criteria, compiled once into a predicate so a million cells cost one call each.
 * What a criterion means (as in Excel):
 * - a number (or numeric text with no operator, "10"): cells equal to it, numbers or numeric text;
 * - "=x" / "<>x" / "<x" / "<=x" / ">x" / ">=x" with x numeric or a date (2026-11-01 or 2026/11/1, compared as the
 *   Excel serial the date cells hold): ordering compares number cells only; "<>x" also matches text and blanks;
 * - TRUE/FALSE (a logical or the words): cells holding that logical;
 * - text: case-insensitive equality on text cells, with wildcards * (any run) and ? (one character), ~ escaping them;
 *   "<>text" matches every other cell, blanks included; "<text" / ">text" compare text cells alphabetically;
 * - "" or an omitted / blank criterion: blank cells (null, undefined, ""); "=" alone: the same; "<>" alone: non-blank.
 */
import { isValidIsoDate, isoToSerial } from '../dates';
import { parseNumericText } from './inputs';

export type Predicate = (cell: unknown) => boolean;

type Operator = '=' | '<>' | '<' | '<=' | '>' | '>=';

const OPERATOR = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/;
const DATE_OPERAND = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === '';
}

/** A number a criterion operand stands for: numeric text or a date; undefined otherwise. */
function numericOperand(operand: string): number | undefined {
  const date = DATE_OPERAND.exec(operand.trim());
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (isValidIsoDate(y, m, d)) return isoToSerial(`${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}`);
    return undefined;
  }
  return parseNumericText(operand);
}

function cellAsNumber(cell: unknown): number | undefined {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return parseNumericText(cell);
  return undefined;
}

function compare(a: number | string, b: number | string, op: Operator): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    case '<>':
      return a !== b;
  }
}

function negate(p: Predicate): Predicate {
  return (cell) => !p(cell);
}

function numberEquals(target: number): Predicate {
  return (cell) => {
    if (typeof cell === 'number') return cell === target;
    return typeof cell === 'string' && cellAsNumber(cell) === target;
  };
}

function hasWildcard(pattern: string): boolean {
  return /(^|[^~])[*?]/.test(pattern);
}

/** Excel wildcard pattern → anchored, case-insensitive RegExp. */
function wildcardRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length && '*?~'.includes(pattern[i + 1])) {
      source += `\\${pattern[++i]}`;
    } else if (ch === '*') {
      source += '[\\s\\S]*';
    } else if (ch === '?') {
      source += '[\\s\\S]';
    } else {
      source += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'i');
}

function textEquals(operand: string): Predicate {
  if (hasWildcard(operand)) {
    return cachedTextTest(wildcardRegExp(operand));
  }
  // "~*" without a real wildcard still means a literal star.
  const literal = operand.replace(/~([*?~])/g, '$1');
  const lower = literal.toLowerCase();
  // Text without letter case (Chinese, digits, symbols) can only equal itself: one comparison per cell.
  if (lower === literal.toUpperCase()) return (cell) => cell === literal;
  return cachedTextTest({ test: (cell) => cell === literal || cell.toLowerCase() === lower });
}

/**
 * A text test that remembers each distinct cell text's answer: a column holds few distinct values (channels,
 * regions), so a million cells cost a million map lookups, not a million regex runs. The memory is capped.
 */
function cachedTextTest(matcher: { test(text: string): boolean }): Predicate {
  const seen = new Map<string, boolean>();
  return (cell) => {
    if (typeof cell !== 'string') return false;
    let hit = seen.get(cell);
    if (hit === undefined) {
      hit = matcher.test(cell);
      if (seen.size < 10_000) seen.set(cell, hit);
    }
    return hit;
  };
}

function booleanOperand(operand: string): boolean | undefined {
  const key = operand.trim().toUpperCase();
  if (key === 'TRUE') return true;
  if (key === 'FALSE') return false;
  return undefined;
}

/** Compiles one criterion (already a single value, not a range). */
export function compileCriterion(criterion: unknown): Predicate {
  if (criterion === null || criterion === undefined) return isEmptyCell;
  if (typeof criterion === 'boolean') return (cell) => cell === criterion;
  if (typeof criterion === 'number') return numberEquals(criterion);
  const raw = String(criterion);
  const match = OPERATOR.exec(raw) as RegExpExecArray;
  const op = (match[1] ?? '=') as Operator;
  const operand = match[2];

  if (operand === '') {
    if (op === '=') return isEmptyCell;
    if (op === '<>') return (cell) => !isEmptyCell(cell);
    return () => false; // "<" alone compares with nothing
  }

  const n = numericOperand(operand);
  if (n !== undefined) {
    if (op === '=') return numberEquals(n);
    if (op === '<>') return negate(numberEquals(n));
    return (cell) => typeof cell === 'number' && compare(cell, n, op);
  }

  const logical = booleanOperand(operand);
  if (logical !== undefined) {
    if (op === '=') return (cell) => cell === logical;
    if (op === '<>') return (cell) => cell !== logical;
    return () => false;
  }

  if (op === '=') return textEquals(operand);
  if (op === '<>') return negate(textEquals(operand));
  const lower = operand.toLowerCase();
  // Text ordering: only text cells take part, compared case-insensitively.
  return (cell) => typeof cell === 'string' && cell !== '' && compare(cell.toLowerCase(), lower, op);
}
