/**
 * Insert or repair the template. Round trips: 1 read (sheets, tables, names), 1 read (each table's header row,
 * body size and sheet; the stamp; whether the log sheet holds data — skipped on an empty workbook), then the shared
 * pure plan (core/templatePlan) decides, and 1 write batch applies it. Nothing is written when the plan is
 * 'unchanged' or 'ambiguous'. No sync runs inside a loop.
 */
import {
  COLUMNS, DICT_SHEET, LISTS, LOG_SHEET, LOG_TABLE, META_TABLE, TEXT_FORMAT, calcFormula, column, isCalcKey, listRefersTo, mapHeaders,
  type ColumnKey, type Lang, type ListKey,
} from '../core/schema';
import {
  META_COLUMN, columnHeader, dictColumn, listHeader, metaFromRows, metaHeaders, metaRows, planResult, planTemplate, widthPoints,
  type FoundTable, type TemplatePlan, type WorkbookShape,
} from '../core/templatePlan';
import { columnLetter } from '../core/template';
import type { TemplateOptions, TemplateResult } from '../core/workbook';
import { SHEET_ROWS, cellA1, rangeA1 } from './addresses';
import { queueColumnRules } from './formatRules';
import type { Capabilities } from './requirements';
import type { RunFn } from './run';

/** Where a found table sits and how big it is (0-based sheet indexes). */
export interface TableGeometry {
  name: string;
  sheet: string;
  headers: string[];
  headerRow: number;
  firstColumn: number;
  bodyRows: number;
}

export interface ReadShape {
  shape: WorkbookShape;
  tables: TableGeometry[];
}

async function readShape(ctx: Excel.RequestContext): Promise<ReadShape> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  const tables = ctx.workbook.tables.load('items/name');
  const names = ctx.workbook.names.load('items/name');
  await ctx.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const tableNames = tables.items.map((t) => t.name);
  const nameList = names.items.map((n) => n.name);
  const logSheetExists = sheetNames.some((s) => s.toLowerCase() === LOG_SHEET.toLowerCase());
  if (tableNames.length === 0 && !logSheetExists) {
    return { shape: { sheets: sheetNames, nonEmptySheets: [], tables: [], names: nameList, meta: null }, tables: [] };
  }

  const loaded = tables.items.map((t) => ({
    name: t.name,
    sheet: t.worksheet.load('name'),
    header: t.getHeaderRowRange().load('values,rowIndex,columnIndex'),
    body: t.getDataBodyRange().load('rowCount'),
  }));
  const metaTable = tableNames.includes(META_TABLE) ? ctx.workbook.tables.getItem(META_TABLE).getDataBodyRange().load('values') : null;
  const used = logSheetExists ? ctx.workbook.worksheets.getItem(LOG_SHEET).getUsedRangeOrNullObject(true).load('address') : null;
  await ctx.sync();

  const geometry: TableGeometry[] = loaded.map((l) => ({
    name: l.name,
    sheet: l.sheet.name,
    headers: ((l.header.values as unknown[][])[0] ?? []).map((h) => String(h ?? '')),
    headerRow: l.header.rowIndex,
    firstColumn: l.header.columnIndex,
    bodyRows: l.body.rowCount,
  }));
  const found: FoundTable[] = geometry.map((g) => ({ name: g.name, sheet: g.sheet, headers: g.headers }));
  // A sheet holding only our own tables' cells still counts as used; only the log sheet's emptiness matters.
  const nonEmptySheets = used && !used.isNullObject ? [LOG_SHEET] : [];
  return {
    shape: { sheets: sheetNames, nonEmptySheets, tables: found, names: nameList, meta: metaTable ? metaFromRows(metaTable.values as unknown[][]) : null },
    tables: geometry,
  };
}

/** "$K2"-style references to the first data row of a log laid out with these headers. */
function refFor(headers: readonly string[], headerRow: number, firstColumn: number): (key: ColumnKey) => string {
  const positions = mapHeaders(headers).positions;
  return (key) => `$${columnLetter(firstColumn + (positions[key] ?? 0))}${headerRow + 2}`;
}

/**
 * Rules go on the table's own column body: Excel carries them along as the table grows, and nothing below the
 * table can stop it growing (co-authoring-in-excel-add-ins: validation below a table blocks its expansion).
 */
function bodyColumn(sheet: Excel.Worksheet, headerRow: number, column: number, bodyRows: number): Excel.Range {
  return sheet.getRange(rangeA1(headerRow + 1, column, Math.max(1, bodyRows), 1));
}

function queueNewLog(ctx: Excel.RequestContext, sheetName: string, lang: Lang, caps: Capabilities): void {
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  const n = COLUMNS.length;
  const headers = COLUMNS.map((c) => columnHeader(c.key, lang));
  sheet.getRange(rangeA1(0, 0, 1, n)).values = [headers];
  // Formats before any data: text columns are text from the first keystroke.
  sheet.getRange(rangeA1(1, 0, 1, n)).numberFormat = [COLUMNS.map((c) => c.numberFormat)];
  const table = sheet.tables.add(rangeA1(0, 0, 2, n), true);
  table.name = LOG_TABLE;
  table.style = 'TableStyleMedium2';
  const ref = refFor(headers, 0, 0);
  COLUMNS.forEach((c, i) => {
    // The table exists now, so its structured references in the calculated columns resolve.
    if (isCalcKey(c.key)) sheet.getRange(cellA1(1, i)).formulas = [[calcFormula(c.key, headers)]];
    sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = widthPoints(c.width);
    queueColumnRules(bodyColumn(sheet, 0, i, 1), c.key, lang, ref, caps);
  });
  sheet.getRange(rangeA1(0, 0, 1, n)).format.font.bold = true;
  sheet.freezePanes.freezeRows(1);
}

/**
 * Version 1 → 2: clear our rules from the log's schema columns, from the first data row to the sheet's end (the
 * spare rows and the body), then put them on the body only. User columns are not touched.
 */
function queueMoveRules(sheet: Excel.Worksheet, geo: TableGeometry, headers: readonly string[], lang: Lang, caps: Capabilities): void {
  const { positions } = mapHeaders(geo.headers);
  // Highlight formulas may name columns the repair adds in the same batch: refer through the final header row.
  const ref = refFor(headers, geo.headerRow, geo.firstColumn);
  for (const c of COLUMNS) {
    const at = positions[c.key];
    if (at === undefined) continue;
    const column = geo.firstColumn + at;
    const below = sheet.getRange(rangeA1(geo.headerRow + 1, column, SHEET_ROWS - geo.headerRow - 1, 1));
    if (caps.dataValidation) below.dataValidation.clear();
    if (caps.conditionalFormats) below.conditionalFormats.clearAll();
    queueColumnRules(bodyColumn(sheet, geo.headerRow, column, geo.bodyRows), c.key, lang, ref, caps);
  }
}

function queueRepairLog(ctx: Excel.RequestContext, plan: Extract<TemplatePlan['log'], { action: 'use' }>, geo: TableGeometry, moveRules: boolean, caps: Capabilities): void {
  const table = ctx.workbook.tables.getItem(geo.name);
  if (plan.renameTo) table.name = plan.renameTo;
  const finalName = plan.renameTo ?? geo.name;
  const sheet = ctx.workbook.worksheets.getItem(geo.sheet);
  const headers = [...geo.headers, ...plan.missing.map((k) => columnHeader(k, plan.lang))];
  if (moveRules) queueMoveRules(sheet, geo, headers, plan.lang, caps);
  if (plan.missing.length === 0) return;
  const ref = refFor(headers, geo.headerRow, geo.firstColumn);
  const rows = Math.max(1, geo.bodyRows);
  plan.missing.forEach((key, i) => {
    const def = column(key);
    const at = geo.firstColumn + geo.headers.length + i;
    // The documented 2-D form: the header, then one cell per body row (a calculated column's formula, or empty).
    const body = isCalcKey(key) ? calcFormula(key, headers, finalName) : '';
    const added = table.columns.add(undefined, [[columnHeader(key, plan.lang)], ...Array.from({ length: rows }, () => [body])]);
    added.getDataBodyRange().numberFormat = Array.from({ length: rows }, () => [def.numberFormat]);
    sheet.getRange(`${columnLetter(at)}:${columnLetter(at)}`).format.columnWidth = widthPoints(def.width);
    queueColumnRules(bodyColumn(sheet, geo.headerRow, at, rows), key, plan.lang, ref, caps);
  });
}

function queueList(ctx: Excel.RequestContext, key: ListKey, lang: Lang): void {
  const sheet = ctx.workbook.worksheets.getItem(DICT_SHEET);
  const col = dictColumn(key);
  const items = LISTS[key].items.map((i) => i.value);
  const range = sheet.getRange(rangeA1(0, col, items.length + 1, 1));
  range.numberFormat = [[TEXT_FORMAT], ...items.map(() => [TEXT_FORMAT])];
  range.values = [[listHeader(key, lang)], ...items.map((v) => [v])];
  const table = sheet.tables.add(rangeA1(0, col, items.length + 1, 1), true);
  table.name = LISTS[key].tableName;
  table.style = 'TableStyleLight9';
  sheet.getRange(`${columnLetter(col)}:${columnLetter(col)}`).format.columnWidth = widthPoints(key === 'product' ? 20 : 14);
}

function queueMeta(ctx: Excel.RequestContext, lang: Lang, exists: boolean): void {
  const sheet = ctx.workbook.worksheets.getItem(DICT_SHEET);
  if (exists) {
    // An older stamp: replace the whole table (it holds only our key/value rows).
    const old = ctx.workbook.tables.getItem(META_TABLE);
    old.getRange().clear('Contents');
    old.delete();
  }
  const rows = metaRows(lang);
  const address = rangeA1(0, META_COLUMN, rows.length + 1, 2);
  const range = sheet.getRange(address);
  range.numberFormat = [[TEXT_FORMAT, TEXT_FORMAT], ...rows.map(() => [TEXT_FORMAT, 'General'])];
  range.values = [metaHeaders(lang), ...rows.map(([k, v]) => [k, v])];
  const table = sheet.tables.add(address, true);
  table.name = META_TABLE;
  table.style = 'TableStyleLight1';
}

/** The language of an existing dictionary table (its header), so a name's structured reference matches it. */
function dictLang(key: ListKey, tables: readonly TableGeometry[], fallback: Lang): Lang {
  const t = tables.find((g) => g.name === LISTS[key].tableName);
  if (!t) return fallback;
  return t.headers[0] === LISTS[key].en ? 'en-US' : 'zh-CN';
}

export async function insertTemplate(run: RunFn, options: TemplateOptions, caps: Capabilities): Promise<TemplateResult> {
  return run(async (ctx) => {
    const read = await readShape(ctx);
    const plan = planTemplate(read.shape, options);
    if (plan.status === 'unchanged' || plan.status === 'ambiguous') return planResult(plan);

    for (const name of plan.createSheets) ctx.workbook.worksheets.add(name);
    const log = plan.log!;
    if (log.action === 'create') queueNewLog(ctx, log.sheet, log.lang, caps);
    else queueRepairLog(ctx, log, read.tables.find((g) => g.name === log.table.name)!, plan.moveRules, caps);
    for (const key of plan.lists) queueList(ctx, key, options.lang);
    for (const key of plan.names) ctx.workbook.names.add(LISTS[key].rangeName, listRefersTo(key, dictLang(key, read.tables, options.lang)));
    if (plan.stampMeta) queueMeta(ctx, options.lang, plan.metaExists);
    await ctx.sync();
    return planResult(plan);
  });
}
