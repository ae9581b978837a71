/**
 * Sheet 询盘统计: the log table with every schema column, formats, widths, frozen header, calculated columns,
 * data validation from the 字典 names and the cross-field highlight rules — the rules on the table's rows only.
 */
import type ExcelJS from 'exceljs';
import { cli } from '../../core/i18n/cli';
import { t } from '../../core/i18n';
import { columnLetter, columnValidation, highlightRules, HIGHLIGHT_FILL, HIGHLIGHT_FONT, type ValidationRule } from '../../core/template';
import { COLUMNS, LOG_SHEET, LOG_TABLE, calcFormula, header, isCalcKey, type CalcKey, type ColumnKey, type Lang } from '../../core/schema';
import { argb, calcResult, type RowValues } from './cells';
import './tableColumnFormula';

/** Extra user columns appended after the schema columns (merge adds 来源/Source). */
export interface ExtraColumn {
  header: string;
  values: ReadonlyArray<string | null>;
  width?: number;
}

export interface LogSheetOptions {
  lang: Lang;
  rows: readonly RowValues[];
  extraColumns?: readonly ExtraColumn[];
  /** Store the calculated columns' values as cached results (false: leave them for the spreadsheet to compute). */
  cacheResults: boolean;
}

/**
 * The last sheet row the rules cover: the table's last row, never a row below it (template version 2). Excel
 * carries a table column's validation and formats along as the table grows; rules on spare rows below a table can
 * stop it growing (learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins).
 */
export function lastTableRow(dataRows: number): number {
  // Header row 1, and at least the one placeholder row an empty table keeps.
  return Math.max(dataRows, 1) + 1;
}

export function addLogSheet(wb: ExcelJS.Workbook, opts: LogSheetOptions): ExcelJS.Worksheet {
  const { lang, rows } = opts;
  const extra = opts.extraColumns ?? [];
  const ws = wb.addWorksheet(LOG_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });

  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.numFmt = c.numberFormat;
  });
  extra.forEach((e, j) => {
    const col = ws.getColumn(COLUMNS.length + j + 1);
    col.width = e.width ?? 16;
    col.numFmt = '@';
  });

  const calcCell = (entry: RowValues | null, key: CalcKey) => {
    const formula = calcFormula(key, lang).slice(1);
    return opts.cacheResults ? { formula, result: calcResult(entry, key) } : { formula };
  };
  const rowCells = (entry: RowValues | null, index: number): unknown[] => [
    ...COLUMNS.map((c) => {
      if (isCalcKey(c.key)) return calcCell(entry, c.key);
      return entry ? entry[c.key] ?? null : null;
    }),
    ...extra.map((e) => e.values[index] ?? null),
  ];
  // An Excel table needs at least one data row: the empty template gets one blank row (with its formulas).
  const tableRows = rows.length > 0 ? rows.map((r, i) => rowCells(r, i)) : [rowCells(null, 0)];

  ws.addTable({
    name: LOG_TABLE,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [
      ...COLUMNS.map((c) => {
        const column: ExcelJS.TableColumnProperties & { calculatedColumnFormula?: string } = { name: header(c.key, lang), filterButton: true };
        if (isCalcKey(c.key)) column.calculatedColumnFormula = calcFormula(c.key, lang);
        return column;
      }),
      ...extra.map((e) => ({ name: e.header, filterButton: true })),
    ],
    rows: tableRows,
  });

  const last = lastTableRow(rows.length);
  addValidation(ws, lang, last);
  addHighlights(ws, last);
  return ws;
}

function letterOf(key: ColumnKey): string {
  return columnLetter(COLUMNS.findIndex((c) => c.key === key));
}

function addValidation(ws: ExcelJS.Worksheet, lang: Lang, last: number): void {
  const dv = (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  for (const c of COLUMNS) {
    const rule = columnValidation(c.key);
    if (!rule) continue;
    const letter = letterOf(c.key);
    dv.add(`${letter}2:${letter}${last}`, toExcelRule(rule, `${letter}2`, lang));
  }
}

function toExcelRule(rule: ValidationRule, firstCell: string, lang: Lang): ExcelJS.DataValidation {
  switch (rule.kind) {
    case 'list':
      return {
        type: 'list',
        allowBlank: true,
        formulae: [rule.source.replace(/^=/, '')],
        showErrorMessage: true,
        // Product and agent: free text allowed with a warning (the user may keep a value outside the list).
        errorStyle: rule.strict ? 'stop' : 'warning',
        errorTitle: t(cli.dvListTitle, lang),
        error: t(rule.strict ? cli.dvListBody : cli.dvOwnListBody, lang),
      };
    case 'wholeNumber':
      return {
        type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [rule.min],
        showErrorMessage: true, errorStyle: 'stop', errorTitle: t(cli.dvNumberTitle, lang), error: t(cli.dvWholeBody, lang),
      };
    case 'decimal':
      return {
        type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [rule.min],
        showErrorMessage: true, errorStyle: 'stop', errorTitle: t(cli.dvNumberTitle, lang), error: t(cli.dvDecimalBody, lang),
      };
    case 'dateNotAfterToday':
      // A custom rule: exceljs turns date-rule operands into fixed dates, and "today" must stay TODAY().
      return {
        type: 'custom', allowBlank: true, formulae: [`AND(ISNUMBER(${firstCell}),${firstCell}<=TODAY())`],
        showErrorMessage: true, errorStyle: 'stop', errorTitle: t(cli.dvDateTitle, lang), error: t(cli.dvDateBody, lang),
      };
    case 'textLength':
      return {
        type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [rule.max],
        showErrorMessage: true, errorStyle: 'stop', errorTitle: t(cli.dvTextTitle, lang), error: t(cli.dvTextBody, lang, { max: rule.max }),
      };
  }
}

function addHighlights(ws: ExcelJS.Worksheet, last: number): void {
  const rules = highlightRules((key) => `$${letterOf(key)}2`);
  const style: Partial<ExcelJS.Style> = {
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(HIGHLIGHT_FILL) } },
    font: { color: { argb: argb(HIGHLIGHT_FONT) } },
  };
  let priority = 1;
  for (const r of rules) {
    const letter = letterOf(r.key);
    ws.addConditionalFormatting({
      ref: `${letter}2:${letter}${last}`,
      rules: [{ type: 'expression', priority: priority++, formulae: [r.formula.replace(/^=/, '')], style }],
    });
  }
}
