/** Number display for the pane's tables (locale-aware grouping; percentages with one decimal). */
import type { Lang } from '../../core/schema';

export function fmtCount(n: number | undefined, lang: Lang): string {
  return (n ?? 0).toLocaleString(lang);
}

export function fmtAmount(n: number | undefined, lang: Lang): string {
  return (n ?? 0).toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function fmtPercent(n: number | null | undefined, lang: Lang): string {
  return n === null || n === undefined ? '–' : n.toLocaleString(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
