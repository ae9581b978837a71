/**
 * Personal data in free text (DESIGN "Personal data"): mainland mobile numbers, landlines, ID-card numbers, emails
 * and street addresses with a house number (…路88号). The log should hold a customer ID and a region only; these are found so they can be flagged and masked.
 * No look-behind in the patterns: older Safari webviews (Excel on Mac) reject it when the bundle loads.
 */

export type PersonalDataKind = 'mobile' | 'landline' | 'idCard' | 'email' | 'address';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets of the match in the text. */
  start: number;
  end: number;
  text: string;
}

// One pass over the text; the alternatives are tried in this order at each position, the longest kinds first.
// Group 1: what precedes the match (start of text or a non-digit), so digits inside a longer number never match.
const PATTERN = new RegExp(
  [
    '(^|[^0-9])(?:',
    // 2: email
    '([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})',
    // 3: ID card (18 characters: area, birth date, sequence, check digit)
    '|([1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx])',
    // 4: mobile, optionally +86 / 0086 / 86, digits grouped 3-4-4 with spaces or dashes
    '|((?:(?:\\+|00)?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d{4}){2})',
    // 5: landline: area code 0xx / 0xxx (optionally in brackets), 7–8 digits, optional extension
    '|((?:\\(0\\d{2,3}\\)|0\\d{2,3})[\\s-]?[2-9]\\d{2,3}[\\s-]?\\d{4}(?:[\\s-]?(?:转|ext\\.?|x)\\s?\\d{1,5})?)',
    // 6: street address: a road name, a house number with 号, then optional building / unit / room numbers
    '|((?:[\\u4e00-\\u9fa5]{1,8}(?:路|街|大道|巷|弄|胡同))\\s?\\d{1,5}(?:-\\d{1,5})?\\s?号(?:\\s?\\d{1,5}\\s?(?:栋|幢|单元|楼|室|号楼))*)',
    ')(?![0-9])',
  ].join(''),
  'g',
);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check digit: an 18-digit order number rarely passes, a real ID number always does. */
export function isValidIdCardChecksum(id: string): boolean {
  if (id.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    sum += c * ID_WEIGHTS[i];
  }
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
}

/**
 * Cheap pre-check: the shortest number kind is a landline, 10 digits (area code 0xx + 7); an email needs '@' and an
 * address '号'. A text with fewer digits and neither character cannot hold any kind above. Full-width forms count.
 */
export function mayContainPersonalData(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      if (++digits >= 10) return true;
    } else if (c === 64 || c === 0xff20 || c === 0x53f7 /* 号 */) return true;
  }
  return false;
}

/** Find every piece of personal data in a text, in order. Full-width digits should be folded by the caller. */
export function detectPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  if (!text || !mayContainPersonalData(text)) return found;
  PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATTERN.exec(text)) !== null) {
    const start = m.index + m[1].length;
    const matched = m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6];
    const kind: PersonalDataKind = m[2] ? 'email' : m[3] ? 'idCard' : m[4] ? 'mobile' : m[5] ? 'landline' : 'address';
    if (kind !== 'idCard' || isValidIdCardChecksum(matched)) {
      found.push({ kind, start, end: start + matched.length, text: matched });
    }
    // Let the next search begin right after the match (the separator in group 1 is not part of it).
    PATTERN.lastIndex = start + matched.length;
  }
  return found;
}

function maskOne(match: PersonalDataMatch): string {
  const s = match.text;
  switch (match.kind) {
    case 'mobile': {
      const digits = s.replace(/\D/g, '');
      const local = digits.slice(-11);
      return `${local.slice(0, 3)}****${local.slice(-4)}`;
    }
    case 'idCard':
      return `${s.slice(0, 4)}${'*'.repeat(10)}${s.slice(-4)}`;
    case 'landline': {
      const area = /^\(?0\d{2,3}\)?/.exec(s)?.[0] ?? '';
      const digits = s.slice(area.length).replace(/\D/g, '');
      return `${area}-****${digits.slice(-4)}`;
    }
    case 'address':
      // The road may stay; the numbers that find the door go.
      return s.replace(/\d/g, '*');
    case 'email': {
      const at = s.indexOf('@');
      return `${s[0]}***${s.slice(at)}`;
    }
  }
}

/** Replace personal data with masked forms: 138****5678, 1101**********123X, 0571-****4321, z***@example.com. */
export function maskPersonalData(text: string): string {
  const matches = detectPersonalData(text);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + maskOne(m);
    at = m.end;
  }
  return out + text.slice(at);
}
