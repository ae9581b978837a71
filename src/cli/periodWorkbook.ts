/**
 * The kit's 周报 / 月报 and overview workbooks. The period report is the same grid the add-in writes (core
 * periodGrid: headline with 环比 / 同比, no-deal reasons and their change, overdue 待跟进, rows with errors by kind,
 * the eight reports for the period) with the same charts beside it. Written with excelts, whose chart support
 * exceljs 4.4 lacks (its API follows exceljs, so cells and formats read the same way). With an agency profile both
 * carry the agency's branding as the client templates do (template/branding.ts), the band right of the charts.
 */
import { Workbook, type Worksheet } from '@cj-tech-master/excelts';
import { installChartSupport } from '@cj-tech-master/excelts/chart';
import { t } from '../core/i18n';
import { store as text } from '../core/i18n/store';
import type { Overview } from '../core/periods/overview';
import type { PeriodReport } from '../core/periods/periodReport';
import { OVERVIEW_FORMATS, overviewHeaders, overviewRows, periodGrid, type GridChart, type PeriodGrid } from '../core/periods/periodSheet';
import { columnLetter } from '../core/template';
import type { Lang } from '../core/schema';
import { applyBranding, clientTitle, type TemplateBrand } from './template/branding';

/** The agency's branding for a report: name, accent colour, logo, and the client's shop and platform if known. */
export type ReportBrand = Omit<TemplateBrand, 'client'>;

installChartSupport();

const CHART_TYPE = { column: 'bar', bar: 'bar', line: 'line' } as const;
const CHART_DIR = { column: 'col', bar: 'bar' } as const;
/** Rows a chart spans, and the columns, beside the grid (as in the add-in). */
const CHART_HEIGHT = 15;
const CHART_WIDTH = 7;
/** The overview chart shows the clients whose conversion fell most (a chart of 500 bars reads as nothing). */
const OVERVIEW_CHART_CLIENTS = 20;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;

function ref(sheet: string, col: number, first: number, last: number): string {
  const c = columnLetter(col);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${first + 1}:$${c}$${last + 1}`;
}

function addChart(ws: Worksheet, sheet: string, spec: GridChart, top: number, left: number): void {
  const first = spec.headerRow + 1;
  const last = spec.headerRow + spec.rows;
  const kind = spec.kind;
  ws.addChart(
    {
      type: CHART_TYPE[kind],
      ...(kind === 'line' ? {} : { barDir: CHART_DIR[kind] }),
      title: spec.title,
      series: spec.seriesCols.map((col) => ({
        name: { formula: ref(sheet, col, spec.headerRow, spec.headerRow).split(':')[0] },
        categories: ref(sheet, spec.categoryCol, first, last),
        values: ref(sheet, col, first, last),
      })),
    },
    { tl: `${columnLetter(left)}${top + 1}`, br: `${columnLetter(left + CHART_WIDTH)}${top + CHART_HEIGHT}` },
  );
}

function writeGrid(ws: Worksheet, grid: PeriodGrid): void {
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      // Text is written as a string value (never parsed as a formula); numbers get their format.
      cell.value = v;
      if (typeof v === 'number' && grid.formats[r][c] !== 'General') cell.numFmt = grid.formats[r][c];
    }),
  );
  for (const r of grid.boldRows) ws.getRow(r + 1).font = { bold: true };
  ws.getColumn(1).width = 18;
  for (let c = 2; c <= grid.width; c++) ws.getColumn(c).width = 14;
}

export function buildPeriodWorkbook(r: PeriodReport, client: string, lang: Lang, brand?: ReportBrand): Workbook {
  const grid = periodGrid(r, lang, client);
  const wb = new Workbook();
  wb.creator = 'Shop Stats';
  const ws = wb.addWorksheet(grid.sheetName);
  writeGrid(ws, grid);
  const chartLeft = grid.width + 1;
  grid.charts.forEach((spec, i) => addChart(ws, grid.sheetName, spec, i * (CHART_HEIGHT + 1), chartLeft));
  // The charts' last column, 1-based (they end at chartLeft + CHART_WIDTH, 0-based).
  const right = grid.charts.length > 0 ? chartLeft + CHART_WIDTH + 1 : grid.width;
  if (brand) applyBranding(wb, ws, right, brand, clientTitle({ ...brand, client }, lang), lang);
  return wb;
}

export function buildOverviewWorkbook(o: Overview, lang: Lang, brand?: ReportBrand): Workbook {
  const wb = new Workbook();
  wb.creator = 'Shop Stats';
  const name = t(text.overviewTitle, lang);
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell('A1').value = `${name} ${o.period.label}（${t(text.previous, lang)} ${o.previous.label}）`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  overviewHeaders(lang).forEach((h, c) => {
    const cell = ws.getCell(3, c + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  const rows = overviewRows(o);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(4 + r, c + 1);
      cell.value = v;
      if (typeof v === 'number' && OVERVIEW_FORMATS[c] !== 'General') cell.numFmt = OVERVIEW_FORMATS[c];
    }),
  );
  // Stale clients stand out: no entry for more than a week before the period's end.
  o.clients.forEach((c, i) => {
    if (c.daysSinceLastEntry !== null && c.daysSinceLastEntry > 7) ws.getCell(4 + i, 8).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  ws.getColumn(1).width = 18;
  for (let c = 2; c <= OVERVIEW_FORMATS.length; c++) ws.getColumn(c).width = 12;
  // Rows are sorted by the largest drop first: the chart plots the first ones with a comparison.
  const plotted = Math.min(OVERVIEW_CHART_CLIENTS, o.clients.filter((c) => c.conversionChange !== null).length);
  const chartLeft = 11;
  if (plotted > 0) {
    addChart(ws, name, { kind: 'bar', title: t(text.conversionChange, lang), headerRow: 2, rows: plotted, categoryCol: 0, seriesCols: [4] }, 2, chartLeft);
  }
  if (brand) {
    const right = plotted > 0 ? chartLeft + CHART_WIDTH + 1 : OVERVIEW_FORMATS.length;
    // The overview is the agency's own: its title (and period) where a client's report names the client.
    const title = `${name} ${o.period.label}`;
    applyBranding(wb, ws, right, brand, { title, place: '', headerRight: title }, lang);
  }
  return wb;
}
