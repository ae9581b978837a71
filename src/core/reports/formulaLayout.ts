/**
 * The native-formula version of the reports: each report as a block of cells whose formulas (COUNTIFS / SUMIFS /
 * AVERAGEIFS / SUM / COUNT over whole-column structured references such as `询盘统计[是否成交]`) stay live without
 * the add-in, in Excel, WPS and LibreOffice. Pure data: the Excel writer (Office.js) and the CLI (exceljs) both
 * write these cells, and `planReportSheet` places all eight on sheet 报表.
 *
 * Conventions and decisions:
 * - Coordinates are 1-based sheet rows/columns (A1 = row 1, col 1). Formulas start with '=' (exceljs writers strip it).
 * - Row keys come from the dictionary lists given (so a report has every row even before any data). Keys are
 *   written into formulas as literal criteria, the key cell shows the label in the template's language.
 *   A value added to a list later needs the report rebuilt; rows whose key is outside the lists (free-text
 *   products, blanks) are counted in the totals row but get no row of their own.
 * - Totals row = grand totals over the log (like a PivotTable's grand total and like `reportTotal` in TypeScript):
 *   COUNT(日期) inquiries, SUM(成交标记) deals, SUM(成交金额), conversion = total deals ÷ total inquiries.
 *   The daily report is the exception: its totals row adds up its own window.
 * - Daily: the last DAILY_WINDOW_DAYS days ending at the latest logged date (TODAY() while the log is empty),
 *   computed by formula, so the window follows the data and a recalculation gives the same numbers on any day.
 * - customerMix: the （空白） deal-type column is the row's total minus the listed deal types (否 rows have no deal
 *   type), which avoids matching empty cells with a "" criterion (Excel and LibreOffice disagree there).
 * - No `[@col]`, LET, FILTER, SORT, XLOOKUP, UNIQUE: only functions LibreOffice and WPS read in .xlsx.
 */
import type { ReportId } from '../reportIds';
import { DATE_FORMAT, LOG_TABLE, NO, escapeStructuredName, header, headerText, type ColumnKey, type HeaderSource, type Lang, type ListValues } from '../schema';
import { columnLetter } from '../template';
import { t } from '../i18n';
import { reports as txt } from '../i18n/reports';
import { BLANK_KEY, VALUES, keyLabel, reportDef, type ChartKind, type ReportDef, type ValueId } from './definitions';

export const DAILY_WINDOW_DAYS = 31;

export type CellStyle = 'title' | 'header' | 'total' | 'note';

export interface LayoutCell {
  row: number;
  col: number;
  value?: string | number;
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A value column of a block: which value it holds and, in 2-D reports, for which column key (or the row total). */
export interface ValueColumn {
  col: number;
  value: ValueId;
  /** 2-D reports: the column key (BLANK_KEY for （空白）); undefined for the row-total column and in 1-D reports. */
  column?: string;
  /** 2-D reports: the row-total column of this value. */
  total?: boolean;
}

export interface DataRow {
  row: number;
  /** Canonical key; null for daily rows, whose date is computed by the key cell's formula. */
  key: string | null;
}

export interface ChartSpec {
  kind: Exclude<ChartKind, 'none'>;
  /** Where the chart goes (top-left cell) and how many columns/rows it covers. */
  placement: CellRange;
  categories: CellRange;
  /** One series per plotted value (2-D reports: per column key); the name is the header text, also in nameCell. */
  series: { name: string; nameCell: { row: number; col: number }; values: CellRange }[];
}

export interface ReportBlock {
  id: ReportId;
  /** Cells the block covers (title to totals row). */
  range: CellRange;
  cells: LayoutCell[];
  keyCol: number;
  dataRows: DataRow[];
  totalRow: number;
  valueColumns: ValueColumn[];
  /** Present when the definition names a chart; placed right of the block by the planner. */
  chart?: ChartSpec;
}

/** `询盘统计[列名]` with the log's own header text (or the canonical one of a language). */
export function columnRef(key: ColumnKey, headers: HeaderSource): string {
  return `${LOG_TABLE}[${escapeStructuredName(headerText(key, headers))}]`;
}

/**
 * A key as a COUNTIFS/SUMIFS criterion string literal: wildcard characters escaped with ~ so a product called
 * "A*" matches itself only, a leading comparison operator neutralised with '=', quotes doubled.
 */
export function criterion(value: string): string {
  let c = value.replace(/([~*?])/g, '~$1');
  if (/^[<>=]/.test(c)) c = `=${c}`;
  return `"${c.replace(/"/g, '""')}"`;
}

export const a1 = (row: number, col: number): string => `${columnLetter(col - 1)}${row}`;

interface Ctx {
  def: ReportDef;
  lang: Lang;
  ref: (k: ColumnKey) => string;
  cells: LayoutCell[];
}

/** Extra criteria pairs every formula of the report carries (the 是否成交 = 否 filter). */
function filterArgs(c: Ctx): string {
  return c.def.filter ? `,${c.ref(c.def.filter.column)},${criterion(c.def.filter.equals)}` : '';
}

/**
 * Formula of a value for one group, given the group's criteria pairs (`col,crit,col,crit`). `cellOf` gives the
 * address of another value in the same row (conversion divides deals by inquiries when both are shown).
 */
function groupFormula(c: Ctx, value: ValueId, criteria: string, cellOf: (v: ValueId) => string | undefined): string {
  const f = filterArgs(c);
  const ref = c.ref;
  switch (value) {
    case 'inquiries':
    case 'count':
      return `=COUNTIFS(${criteria}${f})`;
    case 'deals':
      return `=SUMIFS(${ref('dealFlag')},${criteria}${f})`;
    case 'amount':
      return `=SUMIFS(${ref('amount')},${criteria}${f})`;
    case 'quantity':
      return `=SUMIFS(${ref('quantity')},${criteria}${f})`;
    case 'conversion': {
      const deals = cellOf('deals');
      const inq = cellOf('inquiries');
      if (deals && inq) return `=IFERROR(${deals}/${inq},"")`;
      return `=IFERROR(AVERAGEIFS(${ref('dealFlag')},${criteria}${f}),"")`;
    }
    case 'share':
      return `=IFERROR(${cellOf('count')}/${filteredCount(c)},"")`;
  }
}

/** All rows the report counts: the whole log, or the filtered part. */
function filteredCount(c: Ctx): string {
  return c.def.filter ? `COUNTIFS(${c.ref(c.def.filter.column)},${criterion(c.def.filter.equals)})` : `COUNT(${c.ref('date')})`;
}

/** Grand-total formula of a value over the whole (filtered) log, optionally restricted to one column key. */
function grandFormula(c: Ctx, value: ValueId, criteria: string, cellOf: (v: ValueId) => string | undefined): string {
  if (criteria) return groupFormula(c, value, criteria, cellOf);
  const ref = c.ref;
  const filtered = !!c.def.filter;
  switch (value) {
    case 'inquiries':
    case 'count':
      return `=${filteredCount(c)}`;
    case 'deals':
      return filtered ? `=SUMIFS(${ref('dealFlag')}${filterArgs(c)})` : `=SUM(${ref('dealFlag')})`;
    case 'amount':
    case 'quantity': {
      const col = value === 'amount' ? ref('amount') : ref('quantity');
      return filtered ? `=SUMIFS(${col}${filterArgs(c)})` : `=SUM(${col})`;
    }
    case 'conversion': {
      const deals = cellOf('deals');
      const inq = cellOf('inquiries');
      if (deals && inq) return `=IFERROR(${deals}/${inq},"")`;
      return `=IFERROR(SUM(${ref('dealFlag')})/${inq ?? filteredCount(c)},"")`;
    }
    case 'share':
      return `=IFERROR(${cellOf('count')}/${filteredCount(c)},"")`;
  }
}

function put(c: Ctx, cell: LayoutCell): void {
  c.cells.push(cell);
}

/**
 * Build one report block with its top-left corner (the title cell) at `anchor`. Labels follow `lang`; formulas
 * refer to the log's columns by `headers` (the table's own header texts when known).
 */
export function formulaBlock(id: ReportId, lang: Lang, lists: ListValues, anchor: { row: number; col: number }, headers: HeaderSource = lang): ReportBlock {
  const def = reportDef(id);
  const c: Ctx = { def, lang, ref: (k) => columnRef(k, headers), cells: [] };
  const col0 = anchor.col;
  let row = anchor.row;
  put(c, { row, col: col0, value: t(def.title, lang), style: 'title' });
  row++;
  const note = def.filter
    ? `${header(def.filter.column, lang)} = ${keyLabel(def.filter.column === 'deal' ? 'deal' : undefined, def.filter.equals, lang)}`
    : def.id === 'daily'
      ? t(txt.dailyWindow, lang, { days: DAILY_WINDOW_DAYS })
      : null;
  if (note !== null) put(c, { row: row++, col: col0, value: note, style: 'note' });

  const block = def.columns ? grid(c, lists, row, col0) : flat(c, lists, row, col0);
  const right = Math.max(...block.valueColumns.map((v) => v.col), col0);
  return {
    id,
    range: { top: anchor.row, left: col0, bottom: block.totalRow, right },
    cells: c.cells,
    keyCol: col0,
    dataRows: block.dataRows,
    totalRow: block.totalRow,
    valueColumns: block.valueColumns,
    chart: chartFor(def, block, c.cells, col0, anchor.row),
  };
}

interface Body {
  headerRow: number;
  dataRows: DataRow[];
  totalRow: number;
  valueColumns: ValueColumn[];
}

/** 1-D report: key column, one column per value, one row per list item (or per day), totals row. */
function flat(c: Ctx, lists: ListValues, headerRow: number, col0: number): Body {
  const { def, lang } = c;
  const valueColumns: ValueColumn[] = def.values.map((v, i) => ({ col: col0 + 1 + i, value: v.id }));
  const colOf = new Map(valueColumns.map((v) => [v.value, v.col]));
  put(c, { row: headerRow, col: col0, value: header(def.rows, lang), style: 'header' });
  for (const v of valueColumns) put(c, { row: headerRow, col: v.col, value: t(VALUES[v.value].label, lang), style: 'header' });

  const daily = def.rows === 'date';
  const keys: (string | null)[] = daily ? new Array<null>(DAILY_WINDOW_DAYS).fill(null) : def.rowList ? lists[def.rowList] : [];
  const dataRows: DataRow[] = [];
  let row = headerRow + 1;
  for (const key of keys) {
    if (daily) {
      const latest = `MAX(${c.ref('date')})`;
      const formula = dataRows.length === 0
        ? `=IF(${latest}=0,TODAY(),${latest})-${DAILY_WINDOW_DAYS - 1}`
        : `=${a1(row - 1, col0)}+1`;
      put(c, { row, col: col0, formula, numberFormat: DATE_FORMAT });
    } else {
      put(c, { row, col: col0, value: keyLabel(def.rowList, key as string, lang) });
    }
    // Daily rows match the date cell (a number); list rows match the canonical key as a literal.
    const criteria = `${c.ref(def.rows)},${daily ? `$${columnLetter(col0 - 1)}${row}` : criterion(key as string)}`;
    const r = row;
    const cellOf = (v: ValueId): string | undefined => (colOf.has(v) ? a1(r, colOf.get(v) as number) : undefined);
    for (const v of valueColumns) {
      put(c, { row, col: v.col, formula: groupFormula(c, v.value, criteria, cellOf), numberFormat: VALUES[v.value].numberFormat });
    }
    dataRows.push({ row, key });
    row++;
  }

  const totalRow = row;
  put(c, { row: totalRow, col: col0, value: t(txt.total, lang), style: 'total' });
  const cellOf = (v: ValueId): string | undefined => (colOf.has(v) ? a1(totalRow, colOf.get(v) as number) : undefined);
  for (const v of valueColumns) {
    let formula: string;
    if (daily && v.value !== 'conversion') {
      formula = `=SUM(${a1(headerRow + 1, v.col)}:${a1(totalRow - 1, v.col)})`;
    } else {
      formula = grandFormula(c, v.value, '', cellOf);
    }
    put(c, { row: totalRow, col: v.col, formula, numberFormat: VALUES[v.value].numberFormat, style: 'total' });
  }
  return { headerRow, dataRows, totalRow, valueColumns };
}

/**
 * 2-D report (customerMix, followUp): two header rows — the value label over its group of columns, then the
 * column keys — one column per column-list item (plus （空白） where the field may be blank) and a 合计 column
 * per value; one row per row-list item; totals row.
 */
function grid(c: Ctx, lists: ListValues, valueHeaderRow: number, col0: number): Body {
  const { def, lang } = c;
  const colKeys = def.columnList ? lists[def.columnList] : [];
  const headerRow = valueHeaderRow + 1;
  const valueColumns: ValueColumn[] = [];
  let col = col0 + 1;
  for (const v of def.values) {
    put(c, { row: valueHeaderRow, col, value: t(v.label, lang), style: 'header' });
    for (const k of colKeys) valueColumns.push({ col: col++, value: v.id, column: k });
    if (def.blankColumn) valueColumns.push({ col: col++, value: v.id, column: BLANK_KEY });
    valueColumns.push({ col: col++, value: v.id, total: true });
  }
  put(c, { row: valueHeaderRow, col: col0, value: '', style: 'header' });
  put(c, { row: headerRow, col: col0, value: `${header(def.rows, lang)} \\ ${header(def.columns as ColumnKey, lang)}`, style: 'header' });
  for (const vc of valueColumns) {
    const label = vc.total ? t(txt.total, lang) : keyLabel(def.columnList, vc.column as string, lang);
    put(c, { row: headerRow, col: vc.col, value: label, style: 'header' });
  }

  const rowKeys = def.rowList ? lists[def.rowList] : [];
  const dataRows: DataRow[] = [];
  let row = headerRow + 1;
  const colRef = c.ref(def.columns as ColumnKey);
  const emit = (r: number, rowCriteria: string, style: CellStyle | undefined): void => {
    for (const vc of valueColumns) {
      const fmt = VALUES[vc.value].numberFormat;
      let formula: string;
      if (vc.column === BLANK_KEY) {
        // （空白） = the row's total minus the listed column keys of the same value.
        const same = valueColumns.filter((o) => o.value === vc.value && !o.total && o.column !== BLANK_KEY);
        const tot = valueColumns.find((o) => o.value === vc.value && o.total) as ValueColumn;
        const rest = `${a1(r, tot.col)}-SUM(${a1(r, same[0].col)}:${a1(r, same[same.length - 1].col)})`;
        // Amounts: round the difference to cents so float noise never shows as 0.0000000001.
        formula = vc.value === 'amount' ? `=ROUND(${rest},2)` : `=${rest}`;
      } else {
        const parts = [rowCriteria, vc.total ? '' : `${colRef},${criterion(vc.column as string)}`].filter((p) => p !== '');
        formula = parts.length ? groupFormula(c, vc.value, parts.join(','), () => undefined) : grandFormula(c, vc.value, '', () => undefined);
      }
      put(c, { row: r, col: vc.col, formula, numberFormat: fmt, ...(style ? { style } : {}) });
    }
  };
  for (const key of rowKeys) {
    put(c, { row, col: col0, value: keyLabel(def.rowList, key, lang) });
    emit(row, `${c.ref(def.rows)},${criterion(key)}`, undefined);
    dataRows.push({ row, key });
    row++;
  }
  const totalRow = row;
  put(c, { row: totalRow, col: col0, value: t(txt.total, lang), style: 'total' });
  emit(totalRow, '', 'total');
  return { headerRow, dataRows, totalRow, valueColumns };
}

export const CHART_WIDTH_COLS = 8;
export const CHART_HEIGHT_ROWS = 16;

function chartFor(def: ReportDef, body: Body, cells: LayoutCell[], col0: number, top: number): ChartSpec | undefined {
  if (def.chart === 'none' || body.dataRows.length === 0) return undefined;
  const first = body.dataRows[0].row;
  const last = body.dataRows[body.dataRows.length - 1].row;
  const text = (row: number, col: number): string => String(cells.find((x) => x.row === row && x.col === col)?.value ?? '');
  const series = body.valueColumns
    .filter((v) => def.chartValues.includes(v.value) && !v.total)
    .map((v) => ({
      name: text(body.headerRow, v.col),
      nameCell: { row: body.headerRow, col: v.col },
      values: { top: first, left: v.col, bottom: last, right: v.col },
    }));
  const right = Math.max(...body.valueColumns.map((v) => v.col));
  return {
    kind: def.chart,
    // Right of the block, one empty column between, top-aligned with the title.
    placement: { top, left: right + 2, bottom: top + CHART_HEIGHT_ROWS - 1, right: right + 1 + CHART_WIDTH_COLS },
    categories: { top: first, left: col0, bottom: last, right: col0 },
    series,
  };
}
