/**
 * i18n: every user-visible string is a `Text` (zh-CN default, en-US) kept in a table file beside this one
 * (common.ts, validation.ts, entry.ts, …). Components and messages call `t(text, lang, params)`.
 */
import type { Lang } from '../schema';

export type { Lang } from '../schema';

export interface Text {
  'zh-CN': string;
  'en-US': string;
}

export type TextTable = Record<string, Text>;

export const DEFAULT_LANG: Lang = 'zh-CN';

/** Resolve a text in a language, filling `{name}` placeholders from params. */
export function t(text: Text, lang: Lang, params?: Record<string, string | number>): string {
  const raw = text[lang] ?? text[DEFAULT_LANG];
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Build a Text with placeholders already filled in both languages (for messages carried in results). */
export function fill(text: Text, params: Record<string, string | number>): Text {
  return { 'zh-CN': t(text, 'zh-CN', params), 'en-US': t(text, 'en-US', params) };
}

/**
 * Pick the pane language from Office's display language: zh-CN unless the display language is English
 * (any other language falls back to the default, Chinese, the product's primary audience).
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  if (locale && /^en\b/i.test(locale)) return 'en-US';
  return 'zh-CN';
}
