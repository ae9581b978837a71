/**
 * `report --out --pivot`: the report workbook also gets the log (sheet 询盘统计 with its table, the 字典 lists its
 * validation names point at) and one PivotTable per report over it, each on its own sheet, built from the same
 * report definitions as the add-in's pivots (src/excel/reports.ts): the row field, the column field, the 是否成交 = 否
 * filter only when the rows hold a 否 (a filter may select existing items only), and every value summarised
 * explicitly (count of 客户ID, sum or average of a column, % of the column total).
 */
import type ExcelJS from 'exceljs';
import { t } from '../core/i18n';
import { cli } from '../core/i18n/cli';
import { workbookText } from '../core/i18n/workbook';
import { reportDef, type ValueDef } from '../core/reports/definitions';
import { REPORT_IDS } from '../core/reportIds';
import { COLUMNS, LOG_SHEET, header, isCalcKey, type ColumnKey, type InputKey, type Lang, type ListValues } from '../core/schema';
import { columnLetter } from '../core/template';
import { safeSheetName } from './reportWorkbook';
import { TITLE_FONT, calcResult, type RowValues } from './template/cells';
import { addDictSheet } from './template/dictSheet';
import { addLogSheet } from './template/logSheet';
import type { PivotDataField, PivotSource, PivotSpec } from './template/pivots';

export interface PivotPlan {
  rows: readonly RowValues[];
  specs: PivotSpec[];
  source: PivotSource;
  dataCaption: string;
}

const fieldOf = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key);

/** Built-in number formats (ECMA-376 §18.8.30) closest to the report's: no styles part to edit. */
function numFmtId(format: string): number {
  if (format.includes('%')) return 10;
  return format.includes('.') ? 4 : 3;
}

function dataField(value: ValueDef, lang: Lang): PivotDataField {
  const agg = value.aggregation;
  const name = t(value.label, lang);
  const fmt = numFmtId(value.numberFormat);
  if (agg.kind === 'sum' || agg.kind === 'average') return { name, field: fieldOf(agg.column), subtotal: agg.kind, numFmtId: fmt };
  return { name, field: fieldOf('customerId'), subtotal: 'count', percentOfColumn: agg.kind === 'shareOfTotal', numFmtId: fmt };
}

/**
 * Adds the log, 字典 and one sheet per pivot to `wb` (the log table keeps its placeholder row: the rows are streamed
 * in when the file is written) and returns what the package writer needs.
 */
export function addPivotSheets(wb: ExcelJS.Workbook, rows: readonly RowValues[], lang: Lang, lists: ListValues): PivotPlan {
  addLogSheet(wb, { lang, rows: [], cacheResults: true });
  addDictSheet(wb, lang, lists);
  const taken = new Set(wb.worksheets.map((w) => w.name));
  const fields = COLUMNS.map((c) => ({
    name: header(c.key, lang),
    values: rows.map((r) => (isCalcKey(c.key) ? calcResult(r, c.key) : (r[c.key as InputKey] ?? null)) as string | number | null),
    date: c.key === 'date' || c.key === 'nextFollowUp',
  }));
  const specs = REPORT_IDS.map((id): PivotSpec => {
    const def = reportDef(id);
    const title = t(def.title, lang);
    const sheet = safeSheetName(t(cli.pivotSheet, lang, { title }), taken);
    const ws = wb.addWorksheet(sheet);
    ws.getCell('A1').value = title;
    ws.getCell('A1').font = TITLE_FONT;
    ws.getColumn(1).width = 18;
    let filter: PivotSpec['filter'];
    if (def.filter) {
      const field = fieldOf(def.filter.column);
      const equals = def.filter.equals;
      const present = fields[field].values.includes(equals);
      filter = { field, item: present ? equals : null };
      if (!present) ws.getCell('A2').value = t(workbookText.reportFilterPending, lang, { column: header(def.filter.column, lang), value: equals });
    }
    return {
      name: `SS_${id}`,
      sheet,
      row: 3,
      col: 1,
      rowField: fieldOf(def.rows),
      colField: def.columns ? fieldOf(def.columns) : undefined,
      filter,
      data: def.values.map((v) => dataField(v, lang)),
    };
  });
  const ref = `A1:${columnLetter(COLUMNS.length - 1)}${Math.max(rows.length, 1) + 1}`;
  return { rows, specs, source: { sheet: LOG_SHEET, ref, fields }, dataCaption: t(cli.pivotValues, lang) };
}
