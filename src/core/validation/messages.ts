/**
 * Issue construction. Messages are built only for issues, never for valid fields. Each (code, column) template is
 * compiled once with the column headers already in place; issues without values share one frozen Text, and the
 * rest fill the compiled parts by concatenation (no regex per issue).
 */
import type { Text } from '../i18n';
import { validation } from '../i18n/validation';
import * as schema from '../schema';
import type { InputKey, Lang } from '../schema';
import type { Issue, IssueCode, Severity } from './types';

const { header } = schema;

export type MessageParams = Record<string, string | number>;

/** Alternating literal text (even indexes) and placeholder names (odd indexes). */
type Parts = string[];

interface Compiled {
  zh: Parts;
  en: Parts;
  /** Set when the template has no placeholders left after the headers. */
  fixed: Text | null;
}

const PLACEHOLDER_RE = /\{(\w+)\}/;

function compileOne(template: string, field: InputKey | null, other: InputKey | undefined, lang: Lang): Parts {
  const withHeaders = template
    .split('{col}')
    .join(field ? header(field, lang) : '')
    .split('{other}')
    .join(other ? header(other, lang) : '');
  return withHeaders.split(PLACEHOLDER_RE);
}

const compiledCache = new Map<IssueCode, Map<string, Compiled>>();

function compiled(code: IssueCode, field: InputKey | null, other?: InputKey): Compiled {
  let byField = compiledCache.get(code);
  if (!byField) compiledCache.set(code, (byField = new Map()));
  const key = other ? `${field}|${other}` : field ?? '';
  let c = byField.get(key);
  if (!c) {
    const zh = compileOne(validation[code]['zh-CN'], field, other, 'zh-CN');
    const en = compileOne(validation[code]['en-US'], field, other, 'en-US');
    const fixed = zh.length === 1 && en.length === 1 ? (Object.freeze({ 'zh-CN': zh[0], 'en-US': en[0] }) as Text) : null;
    c = { zh, en, fixed };
    byField.set(key, c);
  }
  return c;
}

function fillParts(parts: Parts, params: MessageParams | undefined): string {
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const value = params?.[name];
    out += (value === undefined ? `{${name}}` : String(value)) + parts[i + 1];
  }
  return out;
}

/** The message for a code, `{col}` (and `{other}`) filled with column headers in each language. */
export function message(code: IssueCode, field: InputKey | null, params?: MessageParams, other?: InputKey): Text {
  const c = compiled(code, field, other);
  if (c.fixed) return c.fixed;
  return new FilledText(fillParts(c.zh, params), fillParts(c.en, params));
}

/** A message with values filled in (a constructor for the same reason as IssueRecord below). */
class FilledText implements Text {
  'zh-CN': string;
  'en-US': string;
  constructor(zh: string, en: string) {
    this['zh-CN'] = zh;
    this['en-US'] = en;
  }
}

/** Built by a constructor, not a literal, for the reason given beside validate's Entry class (checks keep issues). */
class IssueRecord implements Issue {
  constructor(
    public field: InputKey | null,
    public severity: Severity,
    public code: IssueCode,
    public message: Text,
  ) {}
}

export function issue(field: InputKey | null, severity: Severity, code: IssueCode, params?: MessageParams, other?: InputKey): Issue {
  return new IssueRecord(field, severity, code, message(code, field, params, other));
}
