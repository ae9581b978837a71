/**
 * Platform data and the plan in Excel. Import: one round trip learns which sheets and tables exist, one reads the
 * current 平台流量 / 客服绩效 rows (and the old 漏斗 extent), one writes — the merged tables (grown with rows.add or
 * shrunk from the bottom, then formats before values so IDs stay text) and the rebuilt 漏斗 sheet with live SHOP
 * formulas. Three syncs whatever the row count. The plan: one round trip to look, one to insert.
 */
import { isoToSerial, serialToIso } from '../core/dates';
import { t } from '../core/i18n';
import { platform as P } from '../core/i18n/platform';
import { PLATFORM_SHEET, PLATFORM_TABLES, platformHeader, type PlatformColumn, type PlatformKind } from '../core/platform/columns';
import { computeFunnel, funnelGrid, funnelKeys, FUNNEL_FORMATS, type FunnelData, type GridCell } from '../core/platform/funnel';
import { mergePlatformRows } from '../core/platform/merge';
import type { ParsedExport, PlatformRow } from '../core/platform/parse';
import { PLAN_COLUMNS, PLAN_SHEET, PLAN_TABLE, planAlertCondition, planFormula, seedPlanRows, type PlanCalcKey, type PlanInput } from '../core/platform/plan';
import { statsOf, type PlanInsertResult, type PlatformImportResult, type PlatformImportStats } from '../core/platform/workbookTypes';
import { HIGHLIGHT_FILL, HIGHLIGHT_FONT } from '../core/template';
import type { Lang } from '../core/schema';
import { rangeA1 } from './addresses';
import type { Capabilities } from './requirements';
import type { RunFn } from './run';

const KINDS: readonly PlatformKind[] = ['traffic', 'agents'];
/** 0-based first column of each table on 平台数据 (side by side, one empty column between). */
const TABLE_COLUMN: Record<PlatformKind, number> = { traffic: 0, agents: PLATFORM_TABLES.traffic.columns.length + 1 };

function formatOf(c: PlatformColumn): string {
  if (c.type === 'date') return FUNNEL_FORMATS.date;
  if (c.type === 'percent') return FUNNEL_FORMATS.percent;
  if (c.type === 'id' || c.type === 'text') return '@';
  return ['amountPaid', 'sales', 'aov', 'refunds'].includes(c.key) ? FUNNEL_FORMATS.money : 'General';
}

function toCells(kind: PlatformKind, row: PlatformRow): Array<string | number> {
  return PLATFORM_TABLES[kind].columns.map((c) => {
    const v = row[c.key];
    if (v === null || v === undefined) return '';
    return c.type === 'date' ? isoToSerial(String(v)) : v;
  });
}

/** Body values (as Excel returns them) back to typed rows, columns found by header (zh or en). */
export function rowsFromValues(kind: PlatformKind, headers: readonly unknown[], body: readonly unknown[][]): PlatformRow[] {
  const cols = PLATFORM_TABLES[kind].columns;
  const at = cols.map((c) => headers.findIndex((h) => h === c.zh || h === c.en));
  const out: PlatformRow[] = [];
  for (const cells of body) {
    const row: PlatformRow = {};
    cols.forEach((c, i) => {
      const v = at[i] < 0 ? '' : cells[at[i]];
      row[c.key] = v === '' || v === null || v === undefined ? null : c.type === 'date' ? (typeof v === 'number' ? serialToIso(v) : String(v)) : c.type === 'id' || c.type === 'text' ? String(v) : Number(v);
    });
    if (row.date !== null) out.push(row);
  }
  return out;
}

function pad(cells: GridCell[][]): { formulas: Array<Array<string | number>>; formats: string[][]; width: number } {
  const width = Math.max(...cells.map((r) => r.length));
  const formulas = cells.map((r) => Array.from({ length: width }, (_, i) => {
    const c = r[i];
    if (!c) return '';
    return 'formula' in c ? c.formula : c.value ?? '';
  }));
  const formats = cells.map((r) => Array.from({ length: width }, (_, i) => {
    const c = r[i];
    return c?.format ? FUNNEL_FORMATS[c.format] : 'General';
  }));
  return { formulas, formats, width };
}

export async function importPlatform(run: RunFn, exports: readonly ParsedExport[], lang: Lang, log: FunnelData['log']): Promise<PlatformImportResult> {
  return run(async (ctx) => {
    // 1: what exists.
    const sheets = ctx.workbook.worksheets.load('items/name');
    const tables = ctx.workbook.tables.load('items/name');
    await ctx.sync();
    const sheetNames = new Set(sheets.items.map((s) => s.name));
    const tableNames = new Set(tables.items.map((x) => x.name));
    const funnelSheetName = t(P.funnelSheet, lang);

    // 2: current rows, and the old funnel's extent (to clear it).
    const reads = KINDS.filter((k) => tableNames.has(PLATFORM_TABLES[k].table)).map((kind) => {
      const table = ctx.workbook.tables.getItem(PLATFORM_TABLES[kind].table);
      return { kind, header: table.getHeaderRowRange().load('values'), body: table.getDataBodyRange().load('values') };
    });
    const oldFunnel = sheetNames.has(funnelSheetName) ? ctx.workbook.worksheets.getItem(funnelSheetName).getUsedRangeOrNullObject(true).load('address') : null;
    await ctx.sync();

    const current: Record<PlatformKind, PlatformRow[]> = { traffic: [], agents: [] };
    const bodyRows: Record<PlatformKind, number | null> = { traffic: null, agents: null };
    for (const r of reads) {
      current[r.kind] = rowsFromValues(r.kind, r.header.values[0], r.body.values);
      bodyRows[r.kind] = r.body.values.length;
    }
    const stats: PlatformImportStats[] = [];
    for (const e of exports) {
      const merged = mergePlatformRows(e.kind, current[e.kind], e.rows);
      current[e.kind] = merged.rows;
      stats.push(statsOf(e.kind, merged));
    }

    // 3: write tables and funnel.
    if (!sheetNames.has(PLATFORM_SHEET)) ctx.workbook.worksheets.add(PLATFORM_SHEET);
    const sheet = ctx.workbook.worksheets.getItem(PLATFORM_SHEET);
    for (const kind of KINDS) {
      const def = PLATFORM_TABLES[kind];
      const n = def.columns.length;
      const col = TABLE_COLUMN[kind];
      const values = current[kind].map((r) => toCells(kind, r));
      const rows = Math.max(values.length, 1);
      const body = values.length ? values : [def.columns.map(() => '')];
      const formats = body.map(() => def.columns.map(formatOf));
      const old = bodyRows[kind];
      if (old === null) {
        sheet.getRange(rangeA1(0, col, 1, n)).values = [def.columns.map((c) => platformHeader(c, lang))];
        sheet.getRange(rangeA1(1, col, rows, n)).numberFormat = formats;
        sheet.getRange(rangeA1(1, col, rows, n)).values = body;
        const table = sheet.tables.add(rangeA1(0, col, rows + 1, n), true);
        table.name = def.table;
        table.style = 'TableStyleLight9';
        sheet.getRange(rangeA1(0, col, 1, n)).format.font.bold = true;
        continue;
      }
      const table = ctx.workbook.tables.getItem(def.table);
      // Grow with rows.add (blank rows first: its values are unformatted, and IDs must land in '@' cells), or
      // shrink from the bottom; then formats, then values.
      if (rows > old) table.rows.add(undefined, Array.from({ length: rows - old }, () => def.columns.map(() => '')));
      for (let i = old - 1; i >= rows; i--) table.rows.getItemAt(i).delete();
      const range = table.getDataBodyRange();
      range.numberFormat = formats;
      range.values = body;
    }

    if (!sheetNames.has(funnelSheetName)) ctx.workbook.worksheets.add(funnelSheetName);
    const funnelSheet = ctx.workbook.worksheets.getItem(funnelSheetName);
    if (oldFunnel && !oldFunnel.isNullObject) funnelSheet.getRange(oldFunnel.address.replace(/^.*!/, '')).clear();
    const data: FunnelData = { ...current, log };
    const keys = funnelKeys(data);
    const grid = funnelGrid(keys, 'shop', lang);
    const { formulas, formats, width } = pad(grid.cells);
    const whole = funnelSheet.getRange(rangeA1(0, 0, formulas.length, width));
    whole.numberFormat = formats;
    whole.formulas = formulas;
    for (const r of [...grid.titleRows, ...grid.headerRows]) funnelSheet.getRange(rangeA1(r - 1, 0, 1, width)).format.font.bold = true;
    await ctx.sync();
    return { stats, funnel: computeFunnel(data, keys) };
  });
}

export async function insertPlan(run: RunFn, lang: Lang, caps: Capabilities, rows: readonly PlanInput[] = seedPlanRows(lang)): Promise<PlanInsertResult> {
  return run(async (ctx) => {
    const tables = ctx.workbook.tables.load('items/name');
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    if (tables.items.some((x) => x.name === PLAN_TABLE)) return { status: 'unchanged' as const };
    // A sheet of that name without our table is the user's: left alone.
    if (sheets.items.some((s) => s.name === PLAN_SHEET)) return { status: 'unchanged' as const };
    const sheet = ctx.workbook.worksheets.add(PLAN_SHEET);
    const n = PLAN_COLUMNS.length;
    const count = Math.max(rows.length, 1);
    sheet.getRange(rangeA1(0, 0, 1, n)).values = [PLAN_COLUMNS.map((c) => t(c.header, lang))];
    sheet.getRange(rangeA1(1, 0, count, n)).numberFormat = Array.from({ length: count }, () => PLAN_COLUMNS.map((c) => FUNNEL_FORMATS[c.format]));
    const inputs = Array.from({ length: count }, (_, i) => PLAN_COLUMNS.map((c) => (c.calc ? '' : rows[i]?.[c.key as keyof PlanInput] ?? '')));
    sheet.getRange(rangeA1(1, 0, count, n)).values = inputs;
    const table = sheet.tables.add(rangeA1(0, 0, count + 1, n), true);
    table.name = PLAN_TABLE;
    table.style = 'TableStyleMedium7';
    // The table exists now, so the structured references of the calculated columns resolve.
    PLAN_COLUMNS.forEach((c, i) => {
      if (!c.calc) return;
      const f = planFormula(c.key as PlanCalcKey, 'shop', lang);
      sheet.getRange(rangeA1(1, i, count, 1)).formulas = Array.from({ length: count }, () => [f]);
    });
    sheet.getRange(rangeA1(0, 0, 1, n)).format.font.bold = true;
    sheet.freezePanes.freezeRows(1);
    if (caps.conditionalFormats) {
      const cf = sheet.getRange(rangeA1(1, 0, count + 200, n)).conditionalFormats.add('Custom');
      cf.custom.rule.formula = `=${planAlertCondition(2)}`;
      cf.custom.format.fill.color = HIGHLIGHT_FILL;
      cf.custom.format.font.color = HIGHLIGHT_FONT;
    }
    await ctx.sync();
    return { status: 'inserted' as const };
  });
}
