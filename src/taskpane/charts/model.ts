/**
 * What a pane chart shows, as plain data: categories, series and a sentence for screen readers. Built from the
 * report definitions (core/reports/definitions.ts names each report's chart kind and plotted values), so the pane's
 * charts plot what the 报表 sheet's charts plot.
 */
import { t } from '../../core/i18n';
import { followUpText as ft } from '../../core/i18n/followups';
import type { ReportId } from '../../core/reportIds';
import type { ReportRow } from '../../core/reports/aggregate';
import { keyLabel, reportDef, VALUES } from '../../core/reports/definitions';
import type { Lang } from '../../core/schema';

export type ChartKindShown = 'line' | 'column' | 'bar' | 'stackedColumn' | 'pareto';

export interface ChartSeries {
  label: string;
  values: number[];
}

export interface ChartData {
  kind: ChartKindShown;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Pareto: the running share of the total after each category (0–1). */
  cumulative?: number[];
  /** One sentence with the figures, for screen readers (the chart's text alternative). */
  alt: string;
}

/** Bars beyond this many are left out of a chart (the table beside it lists them all). */
export const MAX_CATEGORIES = 12;
/** A daily line shows at most this many days (the latest). */
export const MAX_DAYS = 90;

const num = (n: number, lang: Lang) => n.toLocaleString(lang, { maximumFractionDigits: 2 });
const pct = (n: number, lang: Lang) => n.toLocaleString(lang, { style: 'percent', maximumFractionDigits: 1 });
const sep = (lang: Lang) => (lang === 'zh-CN' ? '；' : '; ');

function barsAlt(kind: ChartKindShown, categories: string[], series: ChartSeries[], lang: Lang): string {
  const kindText = kind === 'bar' ? ft.kindBar : kind === 'stackedColumn' ? ft.kindStacked : ft.kindColumn;
  const items = categories.map((c, i) => `${c} ${series.map((s) => `${s.label} ${num(s.values[i], lang)}`).join(', ')}`).join(sep(lang));
  return t(ft.chartBarsAlt, lang, { kind: t(kindText, lang), items: items || t(ft.chartEmpty, lang) });
}

/** Pareto of counts: categories sorted largest first, with the cumulative share. */
export function paretoChart(title: string, items: ReadonlyArray<{ label: string; count: number }>, seriesLabel: string, lang: Lang): ChartData {
  const sorted = [...items].filter((i) => i.count > 0).sort((a, b) => b.count - a.count).slice(0, MAX_CATEGORIES);
  const total = items.reduce((n, i) => n + Math.max(0, i.count), 0);
  let run = 0;
  const cumulative = sorted.map((i) => (run += i.count) / (total || 1));
  const parts = sorted.map((i, k) => t(ft.paretoItem, lang, { label: i.label, n: num(i.count, lang), share: pct(cumulative[k], lang) }));
  return {
    kind: 'pareto',
    title,
    categories: sorted.map((i) => i.label),
    series: [{ label: seriesLabel, values: sorted.map((i) => i.count) }],
    cumulative,
    alt: t(ft.chartReasonsAlt, lang, { items: parts.join(sep(lang)) || t(ft.chartEmpty, lang) }),
  };
}

/** A line over consecutive days (Home's 30 days). */
export function dailyLineChart(title: string, days: ReadonlyArray<{ day: string; inquiries: number; deals: number }>, labels: { inquiries: string; deals: string }, lang: Lang): ChartData {
  const inquiries = days.map((d) => d.inquiries);
  const deals = days.map((d) => d.deals);
  let peak = 0;
  inquiries.forEach((v, i) => v > inquiries[peak] && (peak = i));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    kind: 'line',
    title,
    categories: days.map((d) => d.day),
    series: [{ label: labels.inquiries, values: inquiries }, { label: labels.deals, values: deals }],
    alt: t(ft.chartTrendAlt, lang, {
      from: days[0]?.day ?? '', to: days[days.length - 1]?.day ?? '', inquiries: sum(inquiries), deals: sum(deals),
      peakDay: days[peak]?.day ?? '', peak: inquiries[peak] ?? 0,
    }),
  };
}

/** The chart DESIGN.md gives a report, from its aggregated rows; null when the report has none. */
export function reportChart(id: ReportId, rows: readonly ReportRow[], lang: Lang): ChartData | null {
  const def = reportDef(id);
  if (def.chart === 'none' || def.chartValues.length === 0) return null;
  const title = t(def.title, lang);
  const label = (key: string) => keyLabel(def.rowList, key, lang);
  const valueLabel = (v: keyof typeof VALUES) => t(VALUES[v].label, lang);

  if (id === 'noDealReasons') {
    return paretoChart(title, rows.map((r) => ({ label: label(r.key), count: r.count ?? 0 })), valueLabel('count'), lang);
  }
  if (def.chart === 'line') {
    const shown = rows.slice(-MAX_DAYS);
    const series = def.chartValues.map((v) => ({ label: valueLabel(v), values: shown.map((r) => Number(r[v] ?? 0)) }));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const items = series.map((s) => `${s.label} ${num(sum(s.values), lang)}`).join(', ');
    return {
      kind: 'line', title, categories: shown.map((r) => r.key), series,
      alt: t(ft.lineAlt, lang, { from: shown[0]?.key ?? '', to: shown[shown.length - 1]?.key ?? '', items: items || t(ft.chartEmpty, lang) }),
    };
  }
  if (def.chart === 'stackedColumn' && def.columns) {
    const categories: string[] = [];
    const stacks: string[] = [];
    for (const r of rows) {
      if (!categories.includes(r.key)) categories.push(r.key);
      const c = r.column ?? '';
      if (!stacks.includes(c)) stacks.push(c);
    }
    const cats = categories.slice(0, MAX_CATEGORIES);
    const v = def.chartValues[0];
    const series = stacks.map((s) => ({
      label: keyLabel(def.columnList, s, lang),
      values: cats.map((c) => Number(rows.find((r) => r.key === c && (r.column ?? '') === s)?.[v] ?? 0)),
    })).filter((s) => s.values.some((x) => x > 0));
    const labels = cats.map(label);
    return { kind: 'stackedColumn', title, categories: labels, series, alt: barsAlt('stackedColumn', labels, series, lang) };
  }
  const shown = rows.filter((r) => def.chartValues.some((v) => Number(r[v] ?? 0) > 0)).slice(0, MAX_CATEGORIES);
  const categories = shown.map((r) => label(r.key));
  const series = def.chartValues.map((v) => ({ label: valueLabel(v), values: shown.map((r) => Number(r[v] ?? 0)) }));
  const kind = def.chart === 'bar' ? 'bar' : 'column';
  return { kind, title, categories, series, alt: barsAlt(kind, categories, series, lang) };
}
