/** The user's pane preferences (per user, in local storage). */
import type { Lang } from '../core/schema';
import { readJson, writeJson } from './storage';

/** 'auto' follows Office's display language. */
export type LangPref = Lang | 'auto';

interface Prefs {
  lang: LangPref;
  lastAgent?: string;
}

const KEY = 'prefs';

function load(): Prefs {
  const p = readJson<Partial<Prefs>>(KEY);
  const lang = p?.lang === 'zh-CN' || p?.lang === 'en-US' ? p.lang : 'auto';
  return { lang, lastAgent: typeof p?.lastAgent === 'string' ? p.lastAgent : undefined };
}

export function langPref(): LangPref {
  return load().lang;
}

export function setLangPref(lang: LangPref): void {
  writeJson(KEY, { ...load(), lang });
}

export function lastAgent(): string | undefined {
  return load().lastAgent;
}

export function setLastAgent(agent: string): void {
  writeJson(KEY, { ...load(), lastAgent: agent });
}
