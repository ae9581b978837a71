/**
 * The 周报 / 月报 as one sheet's cells: a grid of values with a number format per cell, and the charts to put beside
 * it (daily trend, channels, no-deal reasons). Pure: the add-in writes it through src/excel, and the kit's summary
 * sheet uses the same headline rows, so both show the same figures laid out the same way.
 */
import { t } from '../i18n';
import { validation } from '../i18n/validation';
import { COLUMNS, header } from '../schema';
import { store as text } from '../i18n/store';
import { REPORT_IDS } from '../reportIds';
import { reportTable } from '../reports/reportTable';
import type { ColumnKey, Lang } from '../schema';
import { relativeChange, type Figures, type PeriodReport } from './periodReport';
import type { Overview } from './overview';

export type GridValue = string | number | null;

export const PERCENT = '0.0%';
export const MONEY = '#,##0.00';
/** Text format: user text (customer IDs, products) lands as text, never as a formula. */
export const TEXT = '@';
const GENERAL = 'General';

const FIGURES: readonly { key: keyof Figures; label: typeof text.inquiries; format: string }[] = [
  { key: 'inquiries', label: text.inquiries, format: GENERAL },
  { key: 'deals', label: text.deals, format: GENERAL },
  { key: 'conversion', label: text.conversion, format: PERCENT },
  { key: 'amount', label: text.amount, format: MONEY },
  { key: 'aov', label: text.aov, format: MONEY },
];

/** Conversion changes are differences (points); counts and money relative changes. */
function changeOf(key: keyof Figures, now: number | null, before: number | null): number | null {
  if (key === 'conversion') return now === null || before === null ? null : now - before;
  return relativeChange(now, before);
}

/** 指标 · 本期 · 上期 · 环比 · 去年同期 · 同比, one row per headline figure. */
export function headlineRows(r: PeriodReport, lang: Lang): GridValue[][] {
  return FIGURES.map(({ key, label }) => {
    const now = r.current[key];
    const prev = r.previous.figures?.[key] ?? null;
    const ago = r.yearAgo.figures?.[key] ?? null;
    return [
      t(label, lang),
      now,
      r.previous.figures ? prev : t(text.notHeld, lang),
      r.previous.figures ? changeOf(key, now, prev) : null,
      r.yearAgo.figures ? ago : t(text.notHeld, lang),
      r.yearAgo.figures ? changeOf(key, now, ago) : null,
    ];
  });
}

/**
 * A kind of error ("required:amount", as the store and the pane record it) in words: the check's own message for
 * that code and column, with its row-specific values left out (「成交金额」必填).
 */
export function errorKindLabel(kind: string, lang: Lang): string {
  const [code, column] = kind.split(':');
  const message = (validation as Record<string, { 'zh-CN': string; 'en-US': string } | undefined>)[code];
  if (!message) return kind;
  const col = COLUMNS.some((c) => c.key === column) ? header(column as ColumnKey, lang) : '';
  return t(message, lang, { col }).replace(/\{\w+\}/g, '…');
}

export function headlineHeaders(lang: Lang): string[] {
  return [text.metric, text.current, text.previous, text.momChange, text.yearAgo, text.yoyChange].map((h) => t(h, lang));
}

/** Number format of each headline cell (the figure's own format for values, % for changes). */
export function headlineFormats(): string[][] {
  return FIGURES.map((f) => [TEXT, f.format, f.format, PERCENT, f.format, PERCENT]);
}

export function overviewHeaders(lang: Lang): string[] {
  return [text.client, text.inquiries, text.momChange, text.conversion, text.conversionChange, text.amount, text.momChange, text.lastEntry, text.daysSince, text.errorRows].map((h) => t(h, lang));
}

export const OVERVIEW_FORMATS: readonly string[] = [TEXT, GENERAL, PERCENT, PERCENT, PERCENT, MONEY, PERCENT, TEXT, GENERAL, GENERAL];

export function overviewRows(o: Overview): GridValue[][] {
  return o.clients.map((c) => [
    c.client,
    c.current.inquiries,
    relativeChange(c.current.inquiries, c.previous.inquiries),
    c.current.conversion,
    c.conversionChange,
    c.current.amount,
    relativeChange(c.current.amount, c.previous.amount),
    c.lastEntry,
    c.daysSinceLastEntry,
    c.errorRows,
  ]);
}

export interface GridChart {
  kind: 'column' | 'bar' | 'line';
  title: string;
  /** 0-based grid row of the block's header row; data rows follow it. */
  headerRow: number;
  rows: number;
  categoryCol: number;
  seriesCols: number[];
}

export interface PeriodGrid {
  sheetName: string;
  /** Rectangular: every row has `width` cells. */
  values: GridValue[][];
  formats: string[][];
  width: number;
  /** Rows holding a title or a header (shown bold). */
  boldRows: number[];
  charts: GridChart[];
}

export function periodSheetName(r: PeriodReport, lang: Lang): string {
  return `${t(r.period.kind === 'week' ? text.weekReport : text.monthReport, lang)} ${r.period.label}`;
}

export function periodGrid(r: PeriodReport, lang: Lang, title: string): PeriodGrid {
  const values: GridValue[][] = [];
  const formats: string[][] = [];
  const boldRows: number[] = [];
  const charts: GridChart[] = [];
  const push = (cells: GridValue[], fmt: string[] = [], bold = false) => {
    if (bold) boldRows.push(values.length);
    values.push(cells);
    formats.push(cells.map((v, i) => (typeof v === 'string' ? TEXT : fmt[i] ?? GENERAL)));
  };
  const block = (heading: string, headers: string[], rows: GridValue[][], fmt: (i: number) => string[], chart?: Omit<GridChart, 'headerRow' | 'rows'>) => {
    push([heading], [], true);
    const headerRow = values.length;
    push(headers, [], true);
    rows.forEach((row, i) => push(row, fmt(i)));
    if (chart && rows.length > 0) charts.push({ ...chart, headerRow, rows: rows.length });
    push([]);
  };

  push([`${title ? `${title} ` : ''}${periodSheetName(r, lang)}（${r.period.start} ~ ${r.period.end}）`], [], true);
  push([]);
  const hf = headlineFormats();
  block(`${r.period.label} / ${r.previous.period.label} / ${r.yearAgo.period.label}`, headlineHeaders(lang), headlineRows(r, lang), (i) => hf[i]);
  block(t(text.reasonsTitle, lang), [t(text.reason, lang), t(text.count, lang), t(text.previous, lang), t(text.change, lang)],
    r.noDealReasons.map((x) => [x.reason, x.count, x.previous, x.count - x.previous]), () => [],
    { kind: 'bar', title: t(text.reasonsTitle, lang), categoryCol: 0, seriesCols: [1, 2] });
  block(t(text.backlogTitle, lang), ['日期 Date', '客服 Agent', '客户ID Customer ID', '商品 Product', '下次跟进 Next follow-up', t(text.daysOverdue, lang)],
    r.backlog.map((b) => [b.date, b.agent, b.customerId, b.product, b.nextFollowUp, b.daysOverdue]), () => []);
  block(t(text.qualityTitle, lang), [t(text.errorKind, lang), t(text.rows, lang)], r.quality.map((q) => [errorKindLabel(q.code, lang), q.rows]), () => []);
  for (const id of REPORT_IDS) {
    const table = reportTable(id, r.reports[id], lang);
    const fmt = table.formats.map((f) => f ?? GENERAL);
    const rows = table.total ? [...table.rows, table.total] : table.rows;
    const chart: Omit<GridChart, 'headerRow' | 'rows'> | undefined =
      id === 'daily' ? { kind: 'line', title: table.title, categoryCol: 0, seriesCols: [1, 2] }
        : id === 'channel' ? { kind: 'column', title: table.title, categoryCol: 0, seriesCols: [1, 2] }
          : undefined;
    const plotted = chart && table.rows.length > 0 ? chart : undefined;
    block(table.title, table.headers, rows, () => fmt, plotted);
    // The chart plots the report's rows, not its 合计 line.
    if (plotted) charts[charts.length - 1].rows = table.rows.length;
  }
  const width = Math.max(...values.map((r) => r.length));
  for (let i = 0; i < values.length; i++) {
    while (values[i].length < width) values[i].push(null);
    while (formats[i].length < width) formats[i].push(GENERAL);
  }
  return { sheetName: periodSheetName(r, lang), values, formats, width, boldRows, charts };
}
