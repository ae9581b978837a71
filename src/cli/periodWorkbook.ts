/**
 * The 周报 / 月报 workbook and the overview workbook, from the core period report and overview. The summary sheet
 * comes first (headline figures with 环比 and 同比, no-deal reasons with their change, the follow-up backlog, data
 * quality), then one sheet per report for the period (buildReportWorkbook).
 */
import ExcelJS from 'exceljs';
import { t } from '../core/i18n';
import { store as text } from '../core/i18n/store';
import type { Overview } from '../core/periods/overview';
import { relativeChange, type Figures, type PeriodReport } from '../core/periods/periodReport';
import type { Lang } from '../core/schema';
import { buildReportWorkbook } from './reportWorkbook';
import { HEADER_FILL, TITLE_FONT } from './template/cells';

const PERCENT = '0.0%';
const MONEY = '#,##0.00';
const FIGURES: readonly { key: keyof Figures; label: typeof text.inquiries; format?: string }[] = [
  { key: 'inquiries', label: text.inquiries },
  { key: 'deals', label: text.deals },
  { key: 'conversion', label: text.conversion, format: PERCENT },
  { key: 'amount', label: text.amount, format: MONEY },
  { key: 'aov', label: text.aov, format: MONEY },
];

type Cell = string | number | null;

function writeTable(ws: ExcelJS.Worksheet, at: number, title: string, headers: string[], rows: Cell[][], formats: (string | undefined)[]): number {
  ws.getCell(at, 1).value = title;
  ws.getCell(at, 1).font = { bold: true };
  headers.forEach((h, i) => {
    const c = ws.getCell(at + 1, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
  });
  rows.forEach((r, ri) =>
    r.forEach((v, i) => {
      const c = ws.getCell(at + 2 + ri, i + 1);
      c.value = v;
      if (formats[i] && typeof v === 'number') c.numFmt = formats[i]!;
    }),
  );
  return at + 3 + rows.length;
}

/** Conversion changes are differences (points); counts and money relative changes. */
function changeOf(key: keyof Figures, now: number | null, before: number | null): number | null {
  if (key === 'conversion') return now === null || before === null ? null : now - before;
  return relativeChange(now, before);
}

export function headlineRows(r: PeriodReport, lang: Lang): Cell[][] {
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

export function buildPeriodWorkbook(r: PeriodReport, client: string, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shop Stats';
  // The summary is the first tab the client sees; the eight reports follow (added at the end).
  const ws = wb.addWorksheet(t(text.headlineSheet, lang));
  ws.getCell('A1').value = `${client} ${t(r.period.kind === 'week' ? text.weekReport : text.monthReport, lang)} ${r.period.label}（${r.period.start} ~ ${r.period.end}）`;
  ws.getCell('A1').font = TITLE_FONT;
  let row = 3;
  const headline = headlineRows(r, lang);
  row = writeTable(ws, row, `${r.period.label} / ${r.previous.period.label} / ${r.yearAgo.period.label}`,
    [t(text.metric, lang), t(text.current, lang), t(text.previous, lang), t(text.momChange, lang), t(text.yearAgo, lang), t(text.yoyChange, lang)],
    headline, [undefined, undefined, undefined, PERCENT, undefined, PERCENT]);
  // Per-row formats for the figures (conversion as %, money with cents).
  FIGURES.forEach((f, i) => {
    for (const col of [2, 3, 5]) if (f.format) ws.getCell(3 + 2 + i, col).numFmt = f.format;
  });
  row = writeTable(ws, row, t(text.reasonsTitle, lang), [t(text.reason, lang), t(text.count, lang), t(text.previous, lang), t(text.change, lang)],
    r.noDealReasons.map((x) => [x.reason, x.count, x.previous, x.count - x.previous]), []);
  row = writeTable(ws, row, t(text.backlogTitle, lang), ['日期 Date', '客服 Agent', '客户ID Customer ID', '商品 Product', '下次跟进 Next follow-up', t(text.daysOverdue, lang)],
    r.backlog.map((b) => [b.date, b.agent, b.customerId, b.product, b.nextFollowUp, b.daysOverdue]), []);
  writeTable(ws, row, t(text.qualityTitle, lang), [t(text.errorKind, lang), t(text.rows, lang)], r.quality.map((q) => [q.code, q.rows]), []);
  ws.getColumn(1).width = 18;
  for (let i = 2; i <= 6; i++) ws.getColumn(i).width = 14;
  return buildReportWorkbook(r.reports, lang, [client], wb);
}

export function overviewRows(o: Overview): Cell[][] {
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

export function buildOverviewWorkbook(o: Overview, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shop Stats';
  const ws = wb.addWorksheet(t(text.overviewTitle, lang), { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell('A1').value = `${t(text.overviewTitle, lang)} ${o.period.label}（${t(text.previous, lang)} ${o.previous.label}）`;
  ws.getCell('A1').font = TITLE_FONT;
  const headers = [text.client, text.inquiries, text.momChange, text.conversion, text.conversionChange, text.amount, text.momChange, text.lastEntry, text.daysSince, text.errorRows].map((h) => t(h, lang));
  writeTable(ws, 2, '', headers, overviewRows(o), [undefined, undefined, PERCENT, PERCENT, PERCENT, MONEY, PERCENT]);
  // Stale clients stand out: no entry for more than a week before the period's end.
  o.clients.forEach((c, i) => {
    if (c.daysSinceLastEntry !== null && c.daysSinceLastEntry > 7) ws.getRow(4 + i).getCell(8).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  ws.getColumn(1).width = 18;
  return wb;
}
