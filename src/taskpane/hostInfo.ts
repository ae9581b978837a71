/**
 * What the pane needs to know about where it runs: inside Office, the browser demo, or a plain browser.
 * This is the pane's only contact with the Office global, and only for host facts (ready, theme, display
 * language) — the workbook itself is reached through the `Workbook` interface.
 */
export type HostKind = 'office' | 'demo' | 'browser';

export interface HostInfo {
  kind: HostKind;
  /** Office's display language (e.g. "zh-CN"), or the browser's outside Office. */
  locale: string;
  dark: boolean;
}

/** How long to wait for Office.onReady before treating the page as a plain browser. */
const READY_TIMEOUT_MS = 10_000;

export function isDemoUrl(search: string): boolean {
  return new URLSearchParams(search).has('demo');
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

function prefersDark(): boolean {
  try {
    return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  } catch {
    return false;
  }
}

function browserLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'zh-CN';
}

/** A colour counts as dark when its relative luminance is under one half. */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

async function officeReady(office: typeof Office): Promise<{ host: Office.HostType | null } | null> {
  if (typeof office.onReady !== 'function') return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS));
  try {
    return await Promise.race([office.onReady(), timeout]);
  } catch {
    return null;
  }
}

export async function detectHost(search: string): Promise<HostInfo> {
  if (isDemoUrl(search)) return { kind: 'demo', locale: browserLocale(), dark: prefersDark() };
  const office = officeGlobal();
  const info = office ? await officeReady(office) : null;
  if (!office || !info || !info.host) return { kind: 'browser', locale: browserLocale(), dark: prefersDark() };
  const ctx = office.context;
  return {
    kind: 'office',
    locale: ctx?.displayLanguage || 'zh-CN',
    dark: isDarkColor(ctx?.officeTheme?.bodyBackgroundColor),
  };
}
