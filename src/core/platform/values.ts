/**
 * Cell values of platform exports → numbers, dates and text. Exports write numbers as text with thousands separators
 * ("1,234"), percentages as text ("1.52%"), and "-" or "延迟统计" (statistics delayed) where there is no value yet;
 * those become blank, never 0, so an average over them is not dragged down.
 */
import { isValidIsoDate, serialToIso, toIso } from '../dates';
import type { PlatformValueType } from './columns';

export type PlatformValue = string | number | null;

/** Texts that mean "no value". */
const NO_VALUE = new Set(['', '-', '--', '—', '/', 'n/a', 'null', '延迟统计', '暂无数据', '暂无']);

/** Excel serial range treated as a date in a date column (1954 … 2119). */
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

export class PlatformValueError extends Error {
  constructor(readonly raw: unknown, readonly type: PlatformValueType) {
    super(`not a ${type}: ${String(raw)}`);
  }
}

function isNoValue(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return NO_VALUE.has(raw.trim().toLowerCase());
  return false;
}

/** "1,234" / "¥1,234.50" / "1 234" → number; null when not a number. */
export function parseLooseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/^[¥￥$]/, '').replace(/[,，\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  return Number(s);
}

/** "1.52%" → 0.0152; a plain number is taken as already a fraction (a percent-formatted cell holds 0.0152). */
function parsePercent(raw: unknown): number | null {
  if (typeof raw === 'string' && /%\s*$/.test(raw)) {
    const n = parseLooseNumber(raw.replace(/%\s*$/, ''));
    return n === null ? null : Number((n / 100).toPrecision(15));
  }
  return parseLooseNumber(raw);
}

/** 25 / "25" / "25秒" / "1分5秒" / "00:01:05" → seconds. */
function parseSeconds(raw: unknown): number | null {
  const n = parseLooseNumber(raw);
  if (n !== null) return n;
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  const clock = /^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(s) ?? /^()(\d+):(\d{1,2}(?:\.\d+)?)$/.exec(s);
  if (clock) return Number(clock[1] || 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const words = /^(?:(\d+)\s*(?:小时|时|h))?\s*(?:(\d+)\s*(?:分钟|分|m|min))?\s*(?:(\d+(?:\.\d+)?)\s*(?:秒|s))?$/i.exec(s);
  if (words && (words[1] || words[2] || words[3])) return Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0);
  return null;
}

/** Date text in the forms exports use (2026-11-01, 2026/11/1, 2026年11月1日, 20261101) or an Excel serial → ISO. */
export function parsePlatformDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 29991231) return parsePlatformDate(String(raw));
    return raw >= SERIAL_MIN && raw < SERIAL_MAX ? serialToIso(raw) : null;
  }
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidIsoDate(y, mo, d) ? toIso(y, mo, d) : null;
}

/** One cell → its typed value; throws PlatformValueError for a value that cannot be read as its type. */
export function parsePlatformValue(raw: unknown, type: PlatformValueType): PlatformValue {
  if (isNoValue(raw)) return null;
  switch (type) {
    case 'date': {
      const d = parsePlatformDate(raw);
      if (d === null) throw new PlatformValueError(raw, type);
      return d;
    }
    case 'id':
      // IDs are text even when the export stored them as numbers (12-digit item IDs must not turn into 6.1E+11).
      return typeof raw === 'number' ? String(Math.round(raw)) : String(raw).trim();
    case 'text':
      return String(raw).trim();
    case 'number':
    case 'percent':
    case 'seconds': {
      const n = type === 'number' ? parseLooseNumber(raw) : type === 'percent' ? parsePercent(raw) : parseSeconds(raw);
      if (n === null) throw new PlatformValueError(raw, type);
      return n;
    }
  }
}
