/**
 * Sheet 报表: the eight reports as native-formula tables (COUNTIFS / SUMIFS over the log table, from
 * core/reports/formulaLayout), so the numbers stay live in Excel, WPS and LibreOffice without the add-in.
 * exceljs 4.4 cannot write charts, so the stand-alone template has the tables only (the add-in adds charts).
 */
import type ExcelJS from 'exceljs';
import type { CellStyle, LayoutCell, ReportBlock } from '../../core/reports/formulaLayout';
import { planReportSheet } from '../../core/reports/sheetPlan';
import { REPORT_SHEET, type Lang, type ListValues } from '../../core/schema';
import { terminalWidth } from '../text';
import { HEADER_FILL, TITLE_FONT } from './cells';

/** Rows that fit on one printed landscape page at the fit-to-width scale (conservative): blocks never straddle pages. */
const PRINT_ROWS_PER_PAGE = 56;

/**
 * All eight blocks where the add-in's shareable reports put them (core planReportSheet: one under the other in
 * column A, with the room the add-in keeps for charts and growing lists), so both kinds of workbook look alike.
 */
export function planBlocks(lang: Lang, lists: ListValues): ReportBlock[] {
  return planReportSheet(lang, lists).slots.map((s) => s.block);
}

const STYLES: Record<CellStyle, (cell: ExcelJS.Cell) => void> = {
  title: (cell) => {
    cell.font = TITLE_FONT;
  },
  header: (cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  },
  total: (cell) => {
    cell.font = { bold: true };
    cell.border = { top: { style: 'thin' } };
  },
  note: (cell) => {
    cell.font = { italic: true, color: { argb: 'FF666666' } };
  },
};

function writeCell(ws: ExcelJS.Worksheet, c: LayoutCell): void {
  const cell = ws.getCell(c.row, c.col);
  if (c.formula !== undefined) cell.value = { formula: c.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
  else if (c.value !== undefined) cell.value = c.value;
  if (c.numberFormat) cell.numFmt = c.numberFormat;
  if (c.style) STYLES[c.style](cell);
}

/**
 * 2-D reports have a value label (询盘数, 成交额) over a group of columns: merge it across its group so the label
 * reads as the group's heading.
 */
function mergeValueHeaders(ws: ExcelJS.Worksheet, block: ReportBlock): void {
  if (!block.valueColumns.some((v) => v.total)) return;
  const groups = new Map<string, number[]>();
  for (const v of block.valueColumns) groups.set(v.value, [...(groups.get(v.value) ?? []), v.col]);
  const headerRow = block.cells.find((c) => c.style === 'header')?.row;
  if (headerRow === undefined) return;
  for (const cols of groups.values()) {
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    if (right > left) ws.mergeCells(headerRow, left, headerRow, right);
  }
}

export function addReportSheet(wb: ExcelJS.Workbook, lang: Lang, lists: ListValues): { sheet: ExcelJS.Worksheet; blocks: ReportBlock[] } {
  const ws = wb.addWorksheet(REPORT_SHEET, {
    // Printed reports: landscape, every column on one page width.
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false },
  });
  const plan = planReportSheet(lang, lists);
  const blocks = plan.slots.map((slot) => slot.block);
  let widest = 1;
  let pageTop = 1;
  for (const block of blocks) {
    for (const c of block.cells) writeCell(ws, c);
    mergeValueHeaders(ws, block);
    widest = Math.max(widest, block.range.right);
    // A block that would cross the page end starts a new page (the row above it gets the break).
    if (block.range.top > pageTop && block.range.bottom - pageTop + 1 > PRINT_ROWS_PER_PAGE) {
      ws.getRow(block.range.top - 1).addPageBreak();
      pageTop = block.range.top;
    }
  }
  // At least wide enough for a bold seven-figure amount total (1,234,567.89) without "###".
  const widths: number[] = [];
  for (let col = 1; col <= widest; col++) {
    const planned = plan.columnWidths[col - 1] ?? 0;
    widths[col] = col === 1 ? Math.max(planned, 22) : Math.max(planned, 14);
    ws.getColumn(col).width = widths[col];
  }
  // Header labels wider than their column wrap (Custom/pre-sale): give those rows two lines, or they overlap.
  const tallRows = new Set<number>();
  for (const block of blocks) {
    for (const c of block.cells) {
      if (c.style === 'header' && typeof c.value === 'string' && terminalWidth(c.value) > (widths[c.col] ?? 14) - 2) tallRows.add(c.row);
    }
  }
  for (const r of tallRows) ws.getRow(r).height = 30;
  return { sheet: ws, blocks };
}
