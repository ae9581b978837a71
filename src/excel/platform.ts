/**
 * Platform data and the plan in Excel. Import: read the current 平台流量 / 客服绩效 rows, merge in core, write the
 * merged tables back (grown with rows.add or shrunk from the bottom; formats before values so IDs stay text) and
 * rebuild the 漏斗 sheet with live SHOP formulas — reads and writes in row chunks under Excel on the web's 5 MB
 * request limit. The plan: one round trip to look, one to insert.
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
import { chunkRowsFor } from './log';

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

export interface PlatformImportOptions {
  /** Rows per request; sized under Excel on the web's 5 MB limit by default. */
  chunkRows?: number;
}

/** Funnel rows per request: about 12 cells of ~150-byte formulas each. */
const FUNNEL_CHUNK_ROWS = 400;

interface TableRead {
  kind: PlatformKind;
  headers: unknown[];
  total: number;
  rows: unknown[][];
}

/**
 * Round trips: one learns what exists and reads the first chunk of each table (with the old 漏斗 extent); one per
 * further chunk of a large table; then writes in chunks of rows (the last one also removes surplus rows and writes
 * the 漏斗 sheet). A workbook of a few thousand platform rows: three syncs.
 */
export async function importPlatform(run: RunFn, exports: readonly ParsedExport[], lang: Lang, log: FunnelData['log'], options: PlatformImportOptions = {}): Promise<PlatformImportResult> {
  const widest = Math.max(...KINDS.map((k) => PLATFORM_TABLES[k].columns.length));
  const chunk = chunkRowsFor(widest, options.chunkRows);
  const funnelSheetName = t(P.funnelSheet, lang);

  const head = await run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name');
    const tables = ctx.workbook.tables.load('items/name');
    await ctx.sync();
    const sheetNames = new Set(sheets.items.map((x) => x.name));
    const tableNames = new Set(tables.items.map((x) => x.name));
    const reads = KINDS.filter((k) => tableNames.has(PLATFORM_TABLES[k].table)).map((kind) => {
      const table = ctx.workbook.tables.getItem(PLATFORM_TABLES[kind].table);
      const body = table.getDataBodyRange();
      return {
        kind,
        header: table.getHeaderRowRange().load('values'),
        size: body.load('rowCount'),
        // Past the table's end the rows read blank; trimmed to rowCount below.
        first: body.getRow(0).getResizedRange(chunk - 1, 0).load('values'),
      };
    });
    const oldFunnel = sheetNames.has(funnelSheetName) ? ctx.workbook.worksheets.getItem(funnelSheetName).getUsedRangeOrNullObject(true).load('address') : null;
    await ctx.sync();
    return {
      sheetNames,
      oldFunnel: oldFunnel && !oldFunnel.isNullObject ? oldFunnel.address.replace(/^.*!/, '') : null,
      reads: reads.map((r): TableRead => ({ kind: r.kind, headers: r.header.values[0], total: r.size.rowCount, rows: (r.first.values as unknown[][]).slice(0, r.size.rowCount) })),
    };
  });

  for (const read of head.reads) {
    while (read.rows.length < read.total) {
      const start = read.rows.length;
      const n = Math.min(chunk, read.total - start);
      const part = await run(async (ctx) => {
        const range = ctx.workbook.tables.getItem(PLATFORM_TABLES[read.kind].table).getDataBodyRange().getRow(start).getResizedRange(n - 1, 0).load('values');
        await ctx.sync();
        return range.values as unknown[][];
      });
      for (const r of part) read.rows.push(r);
    }
  }

  const current: Record<PlatformKind, PlatformRow[]> = { traffic: [], agents: [] };
  const size: Record<PlatformKind, number | null> = { traffic: null, agents: null };
  for (const r of head.reads) {
    current[r.kind] = rowsFromValues(r.kind, r.headers, r.rows);
    size[r.kind] = r.total;
  }
  const stats: PlatformImportStats[] = [];
  for (const e of exports) {
    const merged = mergePlatformRows(e.kind, current[e.kind], e.rows);
    current[e.kind] = merged.rows;
    stats.push(statsOf(e.kind, merged));
  }
  const touched = new Set(exports.map((e) => e.kind));

  // Write steps: chunks of the imported tables' rows, then chunks of the funnel grid.
  type Step = { kind: PlatformKind; start: number; values: Array<Array<string | number>> } | { funnel: number };
  const steps: Step[] = [];
  for (const kind of KINDS) {
    if (!touched.has(kind)) continue;
    const values = current[kind].map((r) => toCells(kind, r));
    for (let start = 0; start < values.length; start += chunk) steps.push({ kind, start, values: values.slice(start, start + chunk) });
  }
  const data: FunnelData = { ...current, log };
  const keys = funnelKeys(data);
  const grid = funnelGrid(keys, 'shop', lang);
  const { formulas, formats: gridFormats, width } = pad(grid.cells);
  for (let start = 0; start < formulas.length; start += FUNNEL_CHUNK_ROWS) steps.push({ funnel: start });
  // Runs: steps grouped while their payload stays within one chunk's worth; a funnel row (about 12 formulas of
  // ~150 bytes) weighs about six table rows (13 cells of ~24 bytes).
  const weight = (x: Step) => ('funnel' in x ? Math.min(FUNNEL_CHUNK_ROWS, formulas.length - x.funnel) * 6 : x.values.length);
  const runs: Step[][] = [];
  let load = 0;
  for (const step of steps) {
    const last = runs.at(-1);
    if (last && load + weight(step) <= chunk) {
      last.push(step);
      load += weight(step);
    } else {
      runs.push([step]);
      load = weight(step);
    }
  }

  let first = true;
  for (const [i, steps] of runs.entries()) {
    const isLast = i === runs.length - 1;
    await run(async (ctx) => {
      if (first) {
        queueMissingTables(ctx, head.sheetNames, size, lang);
        if (!head.sheetNames.has(funnelSheetName)) ctx.workbook.worksheets.add(funnelSheetName);
        else if (head.oldFunnel) ctx.workbook.worksheets.getItem(funnelSheetName).getRange(head.oldFunnel).clear();
        first = false;
      }
      for (const step of steps) {
        if ('funnel' in step) {
          const n = Math.min(FUNNEL_CHUNK_ROWS, formulas.length - step.funnel);
          const range = ctx.workbook.worksheets.getItem(funnelSheetName).getRange(rangeA1(step.funnel, 0, n, width));
          range.numberFormat = gridFormats.slice(step.funnel, step.funnel + n);
          range.formulas = formulas.slice(step.funnel, step.funnel + n);
          continue;
        }
        const def = PLATFORM_TABLES[step.kind];
        const table = ctx.workbook.tables.getItem(def.table);
        const end = step.start + step.values.length;
        const have = size[step.kind]!;
        // Grow with blank rows (rows.add takes unformatted values, and IDs must land in '@' cells), then formats
        // before values.
        if (end > have) {
          table.rows.add(undefined, Array.from({ length: end - have }, () => def.columns.map(() => '')));
          size[step.kind] = end;
        }
        const range = table.getDataBodyRange().getRow(step.start).getResizedRange(step.values.length - 1, 0);
        range.numberFormat = step.values.map(() => def.columns.map(formatOf));
        range.values = step.values;
      }
      if (isLast) {
        // Shrink from the bottom: a newer export may list fewer rows for its days.
        for (const kind of KINDS) {
          if (!touched.has(kind)) continue;
          const keep = Math.max(current[kind].length, 1);
          const table = ctx.workbook.tables.getItem(PLATFORM_TABLES[kind].table);
          for (let r = size[kind]! - 1; r >= keep; r--) table.rows.getItemAt(r).delete();
        }
        const sheet = ctx.workbook.worksheets.getItem(funnelSheetName);
        for (const r of [...grid.titleRows, ...grid.headerRows]) sheet.getRange(rangeA1(r - 1, 0, 1, width)).format.font.bold = true;
      }
      await ctx.sync();
    });
  }
  return { stats, funnel: computeFunnel(data, keys) };
}

/** 平台数据 and its two tables where missing: header and one blank row each (the data follows in chunks). */
function queueMissingTables(ctx: Excel.RequestContext, sheetNames: Set<string>, size: Record<PlatformKind, number | null>, lang: Lang): void {
  if (!sheetNames.has(PLATFORM_SHEET)) ctx.workbook.worksheets.add(PLATFORM_SHEET);
  const sheet = ctx.workbook.worksheets.getItem(PLATFORM_SHEET);
  for (const kind of KINDS) {
    if (size[kind] !== null) continue;
    const def = PLATFORM_TABLES[kind];
    const n = def.columns.length;
    const col = TABLE_COLUMN[kind];
    sheet.getRange(rangeA1(0, col, 1, n)).values = [def.columns.map((c) => platformHeader(c, lang))];
    sheet.getRange(rangeA1(1, col, 1, n)).numberFormat = [def.columns.map(formatOf)];
    const table = sheet.tables.add(rangeA1(0, col, 2, n), true);
    table.name = def.table;
    table.style = 'TableStyleLight9';
    sheet.getRange(rangeA1(0, col, 1, n)).format.font.bold = true;
    size[kind] = 1;
  }
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
