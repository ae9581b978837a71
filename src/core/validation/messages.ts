/**
 * Issue construction. Messages are built only for issues (never for valid fields) and, when they carry no values,
 * shared between issues of the same code and column.
 */
import { t, type Text } from '../i18n';
import { validation } from '../i18n/validation';
import { header, type InputKey, type Lang } from '../schema';
import type { Issue, IssueCode, Severity } from './types';

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
const shared = new Map<string, Text>();

export type MessageParams = Record<string, string | number>;

/** The message for a code, `{col}` (and `{other}`) filled with column headers in each language. */
export function message(code: IssueCode, field: InputKey | null, params?: MessageParams, other?: InputKey): Text {
  const cacheKey = params ? null : `${code}|${field ?? ''}|${other ?? ''}`;
  if (cacheKey !== null) {
    const hit = shared.get(cacheKey);
    if (hit) return hit;
  }
  const text = {} as Text;
  for (const lang of LANGS) {
    const all: MessageParams = { ...params };
    if (field) all.col = header(field, lang);
    if (other) all.other = header(other, lang);
    text[lang] = t(validation[code], lang, all);
  }
  if (cacheKey !== null) shared.set(cacheKey, Object.freeze(text) as Text);
  return text;
}

export function issue(field: InputKey | null, severity: Severity, code: IssueCode, params?: MessageParams, other?: InputKey): Issue {
  return { field, severity, code, message: message(code, field, params, other) };
}
