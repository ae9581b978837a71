/**
 * 本周报告 / 本月报告 in the add-in: the core period grid written to its own sheet (周报 2026-W10 …), with charts
 * over plain ranges beside it (never over a pivot: office-js #419). Sync budget: 1 read (sheet names), 1 more read
 * when the sheet is being rewritten (its charts and used range), 1 write — independent of the row count; a period's
 * grid is a few hundred rows, far under Excel on the web's 5 MB request limit.
 */
import type { GridChart, PeriodGrid } from '../core/periods/periodSheet';
import type { PeriodSheetResult } from '../core/workbook';
import { cellA1, rangeA1 } from './addresses';
import type { RunFn } from './run';

type ChartType = 'ColumnClustered' | 'BarClustered' | 'Line';
const CHART_TYPES: Record<GridChart['kind'], ChartType> = { column: 'ColumnClustered', bar: 'BarClustered', line: 'Line' };
/** Rows a chart spans beside the grid. */
const CHART_HEIGHT = 15;
const CHART_WIDTH = 7;

export async function writePeriodReport(run: RunFn, grid: PeriodGrid): Promise<PeriodSheetResult> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const exists = sheets.items.some((s) => s.name === grid.sheetName);
    const sheet = exists ? ctx.workbook.worksheets.getItem(grid.sheetName) : ctx.workbook.worksheets.add(grid.sheetName);
    if (exists) {
      // The sheet is ours (named after the period): a rebuild replaces it whole, charts included.
      const charts = sheet.charts.load('items/name');
      const used = sheet.getUsedRangeOrNullObject();
      await ctx.sync();
      for (const c of charts.items) c.delete();
      if (!used.isNullObject) used.clear();
    }
    const range = sheet.getRange(rangeA1(0, 0, grid.values.length, grid.width));
    // Formats before values: cells formatted as text (@) take user text as text, never as a formula.
    range.numberFormat = grid.formats;
    range.values = grid.values.map((row) => row.map((v) => (v === null ? '' : v)));
    for (const r of grid.boldRows) sheet.getRange(rangeA1(r, 0, 1, grid.width)).format.font.bold = true;
    let top = 0;
    for (const spec of grid.charts) {
      const last = Math.max(...spec.seriesCols);
      const source = sheet.getRange(rangeA1(spec.headerRow, spec.categoryCol, spec.rows + 1, last - spec.categoryCol + 1));
      const chart = sheet.charts.add(CHART_TYPES[spec.kind], source, 'Columns');
      chart.title.text = spec.title;
      chart.setPosition(cellA1(top, grid.width + 1), cellA1(top + CHART_HEIGHT - 1, grid.width + CHART_WIDTH));
      top += CHART_HEIGHT + 1;
    }
    sheet.activate();
    await ctx.sync();
    return { sheet: grid.sheetName, rows: grid.values.length, charts: grid.charts.length };
  });
}
