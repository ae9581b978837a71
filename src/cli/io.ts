/** Where the CLI writes (real process streams, or buffers in tests) and how it picks its language. */
import type { Lang } from '../core/schema';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Progress lines go to stderr only for people watching a terminal, or when asked for explicitly. */
  progress: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  progress: Boolean(process.stderr.isTTY) || process.env.SHOP_STATS_PROGRESS === '1',
};

export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

export function parseLang(value: string | undefined): Lang | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (v === 'zh-cn' || v === 'zh') return 'zh-CN';
  if (v === 'en-us' || v === 'en') return 'en-US';
  return null;
}

/**
 * The language before commander parses anything (help text is built up front): `--lang X` / `--lang=X` anywhere
 * on the command line, else SHOP_STATS_LANG, else an English system locale (LC_ALL / LC_MESSAGES / LANG), else zh-CN.
 */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') return parseLang(argv[i + 1]) ?? 'zh-CN';
    if (a.startsWith('--lang=')) return parseLang(a.slice(7)) ?? 'zh-CN';
  }
  const explicit = parseLang(env.SHOP_STATS_LANG);
  if (explicit) return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en-US' : 'zh-CN';
}
