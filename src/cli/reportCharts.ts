/**
 * Charts for `report --out`: beside each one-dimensional report sheet, the chart DESIGN gives it (column, bar, line),
 * over the sheet's value cells. The customer-mix report is written in long form (one row per type and deal type)
 * and gets no chart here; the template's 报表 has its stacked column chart.
 */
import * as fs from 'fs';
import type ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { ReportResults } from '../core/reports/aggregate';
import { reportDef } from '../core/reports/definitions';
import { REPORT_IDS } from '../core/reportIds';
import type { Lang } from '../core/schema';
import { reportTable } from './reportTable';
import type { PivotPlan } from './reportPivots';
import { addCharts, type ReportChart } from './template/charts';
import { addPivotTables } from './template/pivots';
import { writeWithStreamedRows } from './template/streamRows';

/** Rows of a report sheet written by buildReportWorkbook: title, note, header on row 3, data from row 4. */
const HEADER_ROW = 3;

export function reportSheetCharts(results: ReportResults, lang: Lang): Map<number, ReportChart> {
  const charts = new Map<number, ReportChart>();
  REPORT_IDS.forEach((id, sheetIndex) => {
    const def = reportDef(id);
    const rows = results[id];
    if (def.chart === 'none' || def.columns || rows.length === 0) return;
    const table = reportTable(id, rows, lang);
    const first = HEADER_ROW + 1;
    const last = HEADER_ROW + rows.length;
    const series = def.chartValues.map((vid) => {
      const col = 2 + def.values.findIndex((v) => v.id === vid);
      return { name: table.headers[col - 1], nameCell: { row: HEADER_ROW, col }, values: { top: first, left: col, bottom: last, right: col } };
    });
    const right = table.headers.length;
    charts.set(sheetIndex, {
      title: table.title,
      // The report sheets hold dates as text (keyLabel), so categories are read as text.
      dates: false,
      spec: {
        kind: def.chart,
        placement: { top: HEADER_ROW, left: right + 2, bottom: HEADER_ROW + 17, right: right + 9 },
        categories: { top: first, left: 1, bottom: last, right: 1 },
        series,
      },
    });
  });
  return charts;
}

/**
 * Writes the report workbook with a chart on each charted sheet; with a pivot plan (addPivotSheets) the log rows are
 * streamed into the log sheet and the PivotTables added, so memory stays bounded on large logs.
 */
export async function writeReportWorkbook(wb: ExcelJS.Workbook, results: ReportResults, lang: Lang, file: string, pivots?: PivotPlan): Promise<void> {
  const charts = reportSheetCharts(results, lang);
  const edit = (files: Record<string, Uint8Array>) => {
    for (const [index, chart] of charts) addCharts(files, wb.worksheets[index].name, [chart]);
    if (pivots) addPivotTables(files, pivots.source, pivots.specs, pivots.dataCaption);
  };
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  if (pivots) {
    await writeWithStreamedRows(bytes, file, pivots.rows, { cacheResults: true, edit });
    return;
  }
  const files = unzipSync(bytes);
  edit(files);
  fs.writeFileSync(file, zipSync(files, { level: 6 }));
}
