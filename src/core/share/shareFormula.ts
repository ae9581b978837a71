/**
 * Rewrites the SHOP.* calls of one formula into native Excel formulas (nativeFormulas.ts). A saved file can hold a
 * call as `SHOP.ORDERS(`, `_xludf.SHOP.ORDERS(` (a function Excel did not know when saving), `_xldudf_SHOP_ORDERS(`
 * (the add-in's registered name) or by its Chinese name `SHOP.预计单量(`; all are recognised, case-insensitively.
 * Calls nest (`SHOP.ROP(SHOP.ORDERS(…), …)`): inner calls are converted first. A call that cannot be converted
 * leaves the whole formula unchanged and is reported, never dropped.
 */
import { FUNCTION_CATALOG, type FunctionId } from '../metrics/catalog';
import { nativeCall, type Arg, type NativeProblem } from './nativeFormulas';

/** Excel's limit on a formula's length (characters); a longer native formula could not be saved. */
export const MAX_FORMULA_LENGTH = 8192;

export type ShareProblem = NativeProblem | 'unknownFunction' | 'syntax' | 'tooLong';

export interface ShareResult {
  /** The formula with every SHOP call replaced, or the original formula when a problem was found. */
  formula: string;
  /** Calls replaced, by function id. */
  replaced: Partial<Record<FunctionId, number>>;
  /** The first problem, with the function it concerns (empty when none). */
  problem?: { reason: ShareProblem; name: string };
}

const BY_NAME = new Map<string, FunctionId>();
for (const spec of FUNCTION_CATALOG) {
  BY_NAME.set(spec.id.toUpperCase(), spec.id as FunctionId);
  BY_NAME.set(spec.name['zh-CN'].toUpperCase(), spec.id as FunctionId);
}

/** A SHOP call's opening, at a point where a name may start: the prefix and the function name up to "(". */
const CALL = /(?:_xludf\.)?SHOP\.([A-Za-z0-9_.\u3400-\u9fff]+)\(|_xldudf_SHOP_([A-Za-z0-9_]+)\(/iy;
const NAME_CHAR = /[A-Za-z0-9_.\u3400-\u9fff]/;

/** True when the formula mentions SHOP in any saved form (cheap pre-check before parsing). */
export function mentionsShop(formula: string): boolean {
  return /(?:^|[^A-Za-z0-9_])(?:_xludf\.)?SHOP\.|_xldudf_SHOP_/i.test(formula);
}

class Problem extends Error {
  constructor(
    readonly reason: ShareProblem,
    readonly fn: string,
  ) {
    super(reason);
  }
}

/** Index just after a quoted run starting at `i` ("…" strings or '…' sheet names; doubled quotes escape). */
function skipQuoted(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === q) {
      if (text[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  throw new Problem('syntax', '');
}

interface Converted {
  text: string;
  end: number;
}

/**
 * Converts text from `start` until `stop` (a "," or ")" at depth 0 when inside a call, or the end), replacing SHOP
 * calls. Returns the converted text and the index of the stopping character.
 */
function convertUntil(src: string, start: number, inCall: boolean, replaced: ShareResult['replaced']): Converted {
  let out = '';
  let i = start;
  let depth = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(src, i);
      out += src.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      // Structured references ([@col], Table[[#This Row],[col]]) may hold any character.
      let level = 0;
      let j = i;
      for (; j < src.length; j++) {
        if (src[j] === '[') level++;
        else if (src[j] === ']' && --level === 0) break;
      }
      out += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (inCall && depth === 0 && (ch === ',' || ch === ')')) return { text: out, end: i };
    const startsName = i === 0 || !NAME_CHAR.test(src[i - 1]);
    if (startsName && (ch === 'S' || ch === 's' || ch === '_')) {
      CALL.lastIndex = i;
      const m = CALL.exec(src);
      if (m) {
        const name = m[1] ?? m[2];
        const id = BY_NAME.get(name.toUpperCase()) ?? BY_NAME.get(name.replace(/_/g, '.').toUpperCase());
        if (!id) throw new Problem('unknownFunction', name);
        const call = convertCall(src, CALL.lastIndex, id, replaced);
        out += `(${call.text})`;
        i = call.end;
        continue;
      }
    }
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    out += ch;
    i++;
  }
  if (inCall) throw new Problem('syntax', '');
  return { text: out, end: i };
}

/** Converts the arguments of a call whose "(" ends just before `start`; returns the native text and the index after ")". */
function convertCall(src: string, start: number, id: FunctionId, replaced: ShareResult['replaced']): Converted {
  const args: Arg[] = [];
  let i = start;
  // SHOP.X() has no arguments at all.
  if (src.slice(i).trimStart().startsWith(')')) i = src.indexOf(')', i);
  else {
    for (;;) {
      const arg = convertUntil(src, i, true, replaced);
      const trimmed = arg.text.trim();
      args.push(trimmed === '' ? null : trimmed);
      i = arg.end;
      if (src[i] === ')') break;
      i++; // the ","
    }
  }
  const native = nativeCall(id, args);
  if (native === 'arity' || native === 'criteriaPairs' || native === 'rangeMissing') throw new Problem(native, id);
  replaced[id] = (replaced[id] ?? 0) + 1;
  return { text: native, end: i + 1 };
}

/** Rewrites one formula (without its leading "="; a leading "=" is kept if present). */
export function shareFormula(formula: string): ShareResult {
  const replaced: ShareResult['replaced'] = {};
  if (!mentionsShop(formula)) return { formula, replaced };
  try {
    const body = convertUntil(formula, 0, false, replaced).text;
    if (body.length > MAX_FORMULA_LENGTH) {
      return { formula, replaced: {}, problem: { reason: 'tooLong', name: Object.keys(replaced).join(',') } };
    }
    return { formula: body, replaced };
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    return { formula, replaced: {}, problem: { reason: e.reason, name: e.fn } };
  }
}
