/**
 * The 周报 / 月报 workbook and the overview workbook, from the core period report and overview. The summary sheet
 * comes first (headline figures with 环比 and 同比, no-deal reasons with their change, the follow-up backlog, data
 * quality), then one sheet per report for the period (buildReportWorkbook).
 */
import ExcelJS from 'exceljs';
import { t } from '../core/i18n';
import { store as text } from '../core/i18n/store';
import type { Overview } from '../core/periods/overview';
import type { PeriodReport } from '../core/periods/periodReport';
import { headlineFormats, headlineHeaders, headlineRows, OVERVIEW_FORMATS, overviewHeaders, overviewRows, type GridValue } from '../core/periods/periodSheet';
import type { Lang } from '../core/schema';
import { buildReportWorkbook } from './reportWorkbook';
import { HEADER_FILL, TITLE_FONT } from './template/cells';

type Cell = GridValue;

/** A titled table at row `at`; `formatOf(row, col)` gives each number's format. Returns the next free row. */
function writeTable(ws: ExcelJS.Worksheet, at: number, title: string, headers: string[], rows: Cell[][], formatOf: (r: number, c: number) => string | undefined): number {
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
      const format = formatOf(ri, i);
      if (format && typeof v === 'number') c.numFmt = format;
    }),
  );
  return at + 3 + rows.length;
}

export function buildPeriodWorkbook(r: PeriodReport, client: string, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shop Stats';
  // The summary is the first tab the client sees; the eight reports follow (added at the end).
  const ws = wb.addWorksheet(t(text.headlineSheet, lang));
  ws.getCell('A1').value = `${client} ${t(r.period.kind === 'week' ? text.weekReport : text.monthReport, lang)} ${r.period.label}（${r.period.start} ~ ${r.period.end}）`;
  ws.getCell('A1').font = TITLE_FONT;
  let row = 3;
  const formats = headlineFormats();
  row = writeTable(ws, row, `${r.period.label} / ${r.previous.period.label} / ${r.yearAgo.period.label}`, headlineHeaders(lang), headlineRows(r, lang), (ri, c) => formats[ri][c]);
  row = writeTable(ws, row, t(text.reasonsTitle, lang), [t(text.reason, lang), t(text.count, lang), t(text.previous, lang), t(text.change, lang)],
    r.noDealReasons.map((x) => [x.reason, x.count, x.previous, x.count - x.previous]), () => undefined);
  row = writeTable(ws, row, t(text.backlogTitle, lang), ['日期 Date', '客服 Agent', '客户ID Customer ID', '商品 Product', '下次跟进 Next follow-up', t(text.daysOverdue, lang)],
    r.backlog.map((b) => [b.date, b.agent, b.customerId, b.product, b.nextFollowUp, b.daysOverdue]), () => undefined);
  writeTable(ws, row, t(text.qualityTitle, lang), [t(text.errorKind, lang), t(text.rows, lang)], r.quality.map((q) => [q.code, q.rows]), () => undefined);
  ws.getColumn(1).width = 18;
  for (let i = 2; i <= 6; i++) ws.getColumn(i).width = 14;
  return buildReportWorkbook(r.reports, lang, [client], wb);
}

export function buildOverviewWorkbook(o: Overview, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shop Stats';
  const ws = wb.addWorksheet(t(text.overviewTitle, lang), { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell('A1').value = `${t(text.overviewTitle, lang)} ${o.period.label}（${t(text.previous, lang)} ${o.previous.label}）`;
  ws.getCell('A1').font = TITLE_FONT;
  writeTable(ws, 2, '', overviewHeaders(lang), overviewRows(o), (_, c) => OVERVIEW_FORMATS[c]);
  // Stale clients stand out: no entry for more than a week before the period's end.
  o.clients.forEach((c, i) => {
    if (c.daysSinceLastEntry !== null && c.daysSinceLastEntry > 7) ws.getRow(4 + i).getCell(8).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  ws.getColumn(1).width = 18;
  return wb;
}
