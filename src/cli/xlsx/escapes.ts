/**
 * OOXML stores characters XML cannot carry (control characters, a lone CR) as `_xHHHH_` ([ECMA-376] Part 1,
 * 22.9.2.19 ST_Xstring); a literal "_x0041_" typed by a user is stored with its underscore escaped as `_x005F_`.
 * Strings are decoded once, when read, so validation and merge see what the user typed.
 */
const ESCAPE_RE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(ESCAPE_RE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
