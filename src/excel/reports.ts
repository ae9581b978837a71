/**
 * The eight reports on sheet 报表, as real PivotTables over the log table (ExcelApi 1.8) or as native-formula
 * blocks (COUNTIFS/SUMIFS, shareable). Formula blocks use core planReportSheet (one under the other, charts beside
 * them); pivots use core planPivotSheet (column bands by growth direction, so a refresh never runs one pivot into
 * another) and get no charts (a chart over a pivot plots the whole pivot — office-js #419).
 * Every column is named by the log table's own header text (an adopted table may spell headers differently).
 * Round trips: 1 read (tables, sheets), 1 read (lists, log headers, whether a 否 row exists, our existing
 * pivots/charts), 1 write (delete ours, clear the slots, build everything). Rebuilding deletes our previous objects
 * by name first.
 */
import { fill, t } from '../core/i18n';
import { REPORT_IDS, type ReportId } from '../core/reportIds';
import {
  VALUES, overlaps, planPivotSheet, planReportSheet, reportDef, a1, type ChartSpec, type PivotSlot, type ReportBlock, type ValueDef,
} from '../core/reports';
import { LISTS, LIST_KEYS, LOG_TABLE, NO, REPORT_SHEET, defaultListValues, headerText, mapHeaders, type Lang, type ListValues } from '../core/schema';
import { detectLang } from '../core/templatePlan';
import { workbookText } from '../core/i18n/workbook';
import { WorkbookError, type ReportBuildOptions, type ReportBuildResult } from '../core/workbook';
import type { Capabilities } from './requirements';
import type { RunFn } from './run';

/** Our objects on 报表 carry this prefix, so a rebuild deletes exactly them and never the user's own. */
export const REPORT_PREFIX = 'ShopStats_';
export const pivotName = (id: ReportId): string => `${REPORT_PREFIX}${id}`;
export const chartName = (id: ReportId): string => `${REPORT_PREFIX}${id}_chart`;

type ChartType = 'ColumnClustered' | 'BarClustered' | 'ColumnStacked' | 'Line';
const CHART_TYPES: Record<ChartSpec['kind'], ChartType> = { column: 'ColumnClustered', bar: 'BarClustered', stackedColumn: 'ColumnStacked', line: 'Line' };

const rangeOf = (r: { top: number; left: number; bottom: number; right: number }): string => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

interface ReportRead {
  lang: Lang;
  /** The log table's header texts as they are. */
  headers: string[];
  lists: ListValues;
  sheetExists: boolean;
  ourPivots: string[];
  ourCharts: string[];
  /** Items of 是否成交 present in the log (a manual filter may only name existing items). */
  dealItems: Set<string>;
}

async function readForReports(ctx: Excel.RequestContext, fallback: Lang, caps: Capabilities): Promise<ReportRead> {
  const tables = ctx.workbook.tables.load('items/name');
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const tableNames = new Set(tables.items.map((x) => x.name));
  if (!tableNames.has(LOG_TABLE)) throw new WorkbookError('noTemplate', workbookText.errNoTemplate, false);
  const sheetExists = sheets.items.some((s) => s.name === REPORT_SHEET);
  const log = ctx.workbook.tables.getItem(LOG_TABLE);
  const header = log.getHeaderRowRange().load('values,columnIndex');
  // Whether any 否 row exists, without reading the column: the first exact match and its column.
  const no = caps.rangeFind ? log.getDataBodyRange().findOrNullObject(NO, { completeMatch: true, matchCase: true }).load('columnIndex') : null;
  const bodies = LIST_KEYS.filter((k) => tableNames.has(LISTS[k].tableName)).map((k) => ({
    key: k,
    range: ctx.workbook.tables.getItem(LISTS[k].tableName).getDataBodyRange().load('values'),
  }));
  const sheet = sheetExists ? ctx.workbook.worksheets.getItem(REPORT_SHEET) : null;
  const pivots = sheet ? sheet.pivotTables.load('items/name') : null;
  const charts = sheet ? sheet.charts.load('items/name') : null;
  await ctx.sync();
  const lists = defaultListValues();
  for (const b of bodies) lists[b.key] = (b.range.values as unknown[][]).map((r) => String(r[0] ?? '').trim()).filter((v) => v !== '');
  const headers = ((header.values as unknown[][])[0] ?? []).map((h) => String(h ?? ''));
  const dealAt = mapHeaders(headers).positions.deal;
  const dealItems = new Set<string>();
  // A 否 found in another column (a note that says 否) proves nothing: the filter is then left off, never wrong.
  if (no && !no.isNullObject && dealAt !== undefined && no.columnIndex === header.columnIndex + dealAt) dealItems.add(NO);
  const ours = (names: string[]) => names.filter((n) => n.startsWith(REPORT_PREFIX));
  return {
    lang: detectLang(headers, fallback),
    headers,
    lists,
    sheetExists,
    ourPivots: pivots ? ours(pivots.items.map((p) => p.name)) : [],
    ourCharts: charts ? ours(charts.items.map((c) => c.name)) : [],
    dealItems,
  };
}

function writeCells(sheet: Excel.Worksheet, block: ReportBlock): void {
  for (const cell of block.cells) {
    const range = sheet.getRange(a1(cell.row, cell.col));
    if (cell.numberFormat) range.numberFormat = [[cell.numberFormat]];
    if (cell.formula !== undefined) range.formulas = [[cell.formula]];
    else if (cell.value !== undefined) range.values = [[cell.value]];
    if (cell.style === 'title' || cell.style === 'header' || cell.style === 'total') range.format.font.bold = true;
  }
}

function addChart(sheet: Excel.Worksheet, id: ReportId, spec: ChartSpec, source: Excel.Range, title: string, caps: Capabilities): void {
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], source, 'Columns');
  chart.name = chartName(id);
  chart.title.text = title;
  chart.setPosition(a1(spec.placement.top, spec.placement.left), a1(spec.placement.bottom, spec.placement.right));
  if (!caps.chartSeries) return;
  // Formula mode: plot only the chosen values, with the key column as categories.
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.setValues(sheet.getRange(rangeOf(s.values)));
    series.setXAxisValues(sheet.getRange(rangeOf(spec.categories)));
    series.name = s.name;
  });
}

/** One value of a report as a pivot data hierarchy, summarised explicitly (never "Automatic"). */
function addValue(pivot: Excel.PivotTable, value: ValueDef, lang: Lang, headers: readonly string[]): Excel.DataPivotHierarchy {
  const agg = value.aggregation;
  const source = headerText(agg.kind === 'sum' || agg.kind === 'average' ? agg.column : 'customerId', headers);
  const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(source));
  data.summarizeBy = agg.kind === 'sum' ? 'Sum' : agg.kind === 'average' ? 'Average' : 'Count';
  if (agg.kind === 'shareOfTotal') data.showAs = { calculation: 'PercentOfColumnTotal' };
  data.name = t(value.label, lang);
  data.numberFormat = value.numberFormat;
  return data;
}

function addPivot(ctx: Excel.RequestContext, sheet: Excel.Worksheet, slot: PivotSlot, read: ReportRead, caps: Capabilities): void {
  const { lang, headers } = read;
  const def = reportDef(slot.id);
  const title = sheet.getRange(a1(slot.anchor.row, slot.anchor.col));
  title.values = [[t(def.title, lang)]];
  title.format.font.bold = true;
  const pivot = sheet.pivotTables.add(pivotName(slot.id), ctx.workbook.tables.getItem(LOG_TABLE), sheet.getRange(a1(slot.anchor.row + 2, slot.anchor.col)));
  const rowName = headerText(def.rows, headers);
  const rows = pivot.rowHierarchies.add(pivot.hierarchies.getItem(rowName));
  if (def.columns) pivot.columnHierarchies.add(pivot.hierarchies.getItem(headerText(def.columns, headers)));
  if (def.filter) {
    const filterName = headerText(def.filter.column, headers);
    const filter = pivot.filterHierarchies.add(pivot.hierarchies.getItem(filterName));
    // A manual filter may name only items the field has: a young log without a 否 row would fail the whole batch.
    if (caps.pivotFilter && read.dealItems.has(def.filter.equals)) {
      filter.fields.getItem(filterName).applyFilter({ manualFilter: { selectedItems: [def.filter.equals] } });
    } else {
      const note = sheet.getRange(a1(slot.anchor.row + 1, slot.anchor.col));
      note.values = [[t(workbookText.reportFilterPending, lang, { column: filterName, value: def.filter.equals })]];
    }
  }
  const data = new Map(def.values.map((v) => [v.id, addValue(pivot, v, lang, headers)]));
  const field = rows.fields.getItem(rowName);
  // Dates ('key' order) and list order are how a pivot lists items by default; only value orders need a sort.
  if (def.sort.by !== 'key' && def.sort.by !== 'list' && caps.pivotSort) field.sortByValues('Descending', data.get(def.sort.by) ?? data.get(VALUES.inquiries.id)!);
}

export async function buildReports(run: RunFn, options: ReportBuildOptions, caps: Capabilities): Promise<ReportBuildResult> {
  if (options.mode === 'pivot' && !caps.pivots) throw new WorkbookError('notSupported', fill(workbookText.errNotSupported, { set: 'ExcelApi 1.8' }), false);
  const ids = options.reports ?? [...REPORT_IDS];
  return run(async (ctx) => {
    const read = await readForReports(ctx, options.lang, caps);
    const sheet = read.sheetExists ? ctx.workbook.worksheets.getItem(REPORT_SHEET) : ctx.workbook.worksheets.add(REPORT_SHEET);
    const pivotSlots = planPivotSheet(read.lists);
    const plan = planReportSheet(read.lang, read.lists, read.headers);
    const bandOf = (id: ReportId) => pivotSlots.find((p) => p.id === id)!.reserved;
    // Formula blocks are laid out where pivots are: a formula build removes our pivots in its way too.
    const formulaAreas = plan.slots.filter((s) => ids.includes(s.id)).map((s) => s.reserved);
    const goes = (id: ReportId) => ids.includes(id) || (options.mode === 'formula' && formulaAreas.some((r) => overlaps(r, bandOf(id))));
    const kept = read.ourPivots.map((n) => REPORT_IDS.find((id) => pivotName(id) === n)).filter((id): id is ReportId => id !== undefined && !goes(id));
    // Rebuild: our previous objects go first.
    for (const id of REPORT_IDS) {
      if (read.ourPivots.includes(pivotName(id)) && goes(id)) sheet.pivotTables.getItem(pivotName(id)).delete();
      if (read.ourCharts.includes(chartName(id)) && ids.includes(id)) sheet.charts.getItem(chartName(id)).delete();
    }
    // Clear what either mode left in these reports' places, never a cell of a pivot that stays.
    const areas = [...formulaAreas, ...(options.mode === 'pivot' ? pivotSlots.filter((s) => ids.includes(s.id)).map((s) => s.reserved) : [])];
    for (const r of areas) if (!kept.some((id) => overlaps(r, bandOf(id)))) sheet.getRange(rangeOf(r)).clear('All');
    const placed: ReportBuildResult['placed'] = {};
    if (options.mode === 'pivot') {
      for (const s of pivotSlots.filter((x) => ids.includes(x.id))) {
        addPivot(ctx, sheet, s, read, caps);
        placed[s.id] = a1(s.anchor.row, s.anchor.col);
      }
    } else {
      plan.columnWidths.forEach((w, i) => {
        sheet.getRange(`${a1(1, i + 1).replace(/\d+$/, '')}:${a1(1, i + 1).replace(/\d+$/, '')}`).format.columnWidth = Math.round((w * 7 + 5) * 0.75);
      });
      for (const s of plan.slots.filter((x) => ids.includes(x.id))) {
        writeCells(sheet, s.block);
        const chart = s.block.chart;
        if (chart) addChart(sheet, s.id, chart, sheet.getRange(rangeOf(chart.series[0]?.values ?? chart.categories)), t(reportDef(s.id).title, read.lang), caps);
        placed[s.id] = a1(s.anchor.row, s.anchor.col);
      }
    }
    await ctx.sync();
    return { mode: options.mode, built: ids.filter((id) => placed[id] !== undefined), placed };
  });
}

/** Pivot mode: refresh every pivot (new rows appear). Formula blocks are live and need nothing. */
export async function refreshReports(run: RunFn, caps: Capabilities): Promise<void> {
  if (!caps.pivots) return;
  await run(async (ctx) => {
    ctx.workbook.pivotTables.refreshAll();
    await ctx.sync();
  });
}
