/**
 * Sheet 报表: the eight reports as native-formula tables (COUNTIFS / SUMIFS over the log table, from
 * core/reports/formulaLayout), so the numbers stay live in Excel, WPS and LibreOffice without the add-in.
 * exceljs 4.4 cannot write charts, so the stand-alone template has the tables only (the add-in adds charts).
 */
import type ExcelJS from 'exceljs';
import { formulaBlock, type CellStyle, type LayoutCell, type ReportBlock } from '../../core/reports/formulaLayout';
import { REPORT_IDS } from '../../core/reportIds';
import { REPORT_SHEET, type Lang, type ListValues } from '../../core/schema';
import { HEADER_FILL, TITLE_FONT } from './cells';

/** Blank rows between two report blocks. */
const GAP_ROWS = 2;

/** All eight blocks, stacked top to bottom in column A (one reading column prints and scrolls well). */
export function planBlocks(lang: Lang, lists: ListValues): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  let row = 1;
  for (const id of REPORT_IDS) {
    const block = formulaBlock(id, lang, lists, { row, col: 1 });
    blocks.push(block);
    row = block.range.bottom + 1 + GAP_ROWS;
  }
  return blocks;
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

export function addReportSheet(wb: ExcelJS.Workbook, lang: Lang, lists: ListValues): { sheet: ExcelJS.Worksheet; blocks: ReportBlock[] } {
  const ws = wb.addWorksheet(REPORT_SHEET);
  const blocks = planBlocks(lang, lists);
  let widest = 1;
  for (const block of blocks) {
    for (const c of block.cells) writeCell(ws, c);
    widest = Math.max(widest, block.range.right);
  }
  ws.getColumn(1).width = 22;
  for (let col = 2; col <= widest; col++) ws.getColumn(col).width = 11;
  return { sheet: ws, blocks };
}
