/**
 * The operator's sheets of the kit template (additive to the log template): 平台数据 (the imported tables 平台流量 and
 * 客服绩效 side by side), 漏斗 (funnel and reconciliation as native formulas over them and the log) and 计划 (the
 * stock & promotion plan, native formulas). `shop-stats import --into` rewrites 平台数据 and 漏斗 with the same writers.
 */
import type ExcelJS from 'exceljs';
import { isoToSerial } from '../../core/dates';
import { t } from '../../core/i18n';
import { platform as P } from '../../core/i18n/platform';
import { PLATFORM_SHEET, PLATFORM_TABLES, platformHeader, type PlatformColumn, type PlatformKind } from '../../core/platform/columns';
import { computeFunnel, funnelGrid, funnelKeys, FUNNEL_FORMATS, type FunnelData, type FunnelFormat } from '../../core/platform/funnel';
import type { PlatformRow } from '../../core/platform/parse';
import { computePlanRow, PLAN_COLUMNS, PLAN_SHEET, PLAN_TABLE, planAlertCondition, planFormula, salesHistory, seedPlanRows, type PlanCalcKey, type PlanInput } from '../../core/platform/plan';
import { HIGHLIGHT_FILL, HIGHLIGHT_FONT, columnLetter } from '../../core/template';
import type { Lang } from '../../core/schema';
import { argb, HEADER_FILL, TITLE_FONT } from './cells';
import './tableColumnFormula';

/** Column where the 客服绩效 table starts on 平台数据 (one empty column after 平台流量). */
export const AGENT_TABLE_COLUMN = PLATFORM_TABLES.traffic.columns.length + 2;

const formatOf = (c: PlatformColumn): string =>
  c.type === 'date' ? FUNNEL_FORMATS.date : c.type === 'percent' ? FUNNEL_FORMATS.percent : c.type === 'id' || c.type === 'text' ? '@' : c.key === 'amountPaid' || c.key === 'sales' || c.key === 'aov' || c.key === 'refunds' ? FUNNEL_FORMATS.money : 'General';

function cellValue(c: PlatformColumn, v: PlatformRow[string]): string | number | null {
  if (v === null || v === undefined) return null;
  return c.type === 'date' ? isoToSerial(String(v)) : v;
}

export function addPlatformDataSheet(wb: ExcelJS.Workbook, lang: Lang, rows: Record<PlatformKind, readonly PlatformRow[]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(PLATFORM_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const kind of ['traffic', 'agents'] as const) {
    const def = PLATFORM_TABLES[kind];
    const start = kind === 'traffic' ? 1 : AGENT_TABLE_COLUMN;
    def.columns.forEach((c, i) => {
      const col = ws.getColumn(start + i);
      col.width = c.type === 'text' ? 18 : 12;
      col.numFmt = formatOf(c);
    });
    const data = rows[kind].map((r) => def.columns.map((c) => cellValue(c, r[c.key])));
    ws.addTable({
      name: def.table,
      ref: `${columnLetter(start - 1)}1`,
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: def.columns.map((c) => ({ name: platformHeader(c, lang), filterButton: true })),
      // A table needs one data row: an empty one until the first import.
      rows: data.length ? data : [def.columns.map(() => null)],
    });
  }
  return ws;
}

/** Typed rows back out of a 平台数据 sheet the kit wrote (or a user extended): by table, headers by name. */
export function readPlatformDataSheet(wb: ExcelJS.Workbook): Record<PlatformKind, PlatformRow[]> | null {
  const ws = wb.getWorksheet(PLATFORM_SHEET);
  if (!ws) return null;
  const out: Record<PlatformKind, PlatformRow[]> = { traffic: [], agents: [] };
  const tables = (ws as unknown as { getTables(): Array<{ table: { name: string; tableRef?: string; ref?: string } }> }).getTables();
  for (const kind of ['traffic', 'agents'] as const) {
    const def = PLATFORM_TABLES[kind];
    const found = tables.find((x) => x.table.name === def.table);
    if (!found) continue;
    const ref = String(found.table.tableRef ?? found.table.ref);
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m) continue;
    const first = colNumber(m[1]);
    const last = m[3] ? colNumber(m[3]) : first + def.columns.length - 1;
    const top = Number(m[2]);
    const bottom = m[4] ? Number(m[4]) : ws.rowCount;
    const headers = Array.from({ length: last - first + 1 }, (_, i) => ws.getCell(top, first + i).value);
    const positions = new Map<string, number>();
    for (const c of def.columns) {
      const i = headers.findIndex((h) => h === c.zh || h === c.en);
      if (i >= 0) positions.set(c.key, first + i);
    }
    for (let r = top + 1; r <= bottom; r++) {
      const row: PlatformRow = {};
      for (const c of def.columns) {
        const at = positions.get(c.key);
        const raw = at === undefined ? null : plain(ws.getCell(r, at).value);
        row[c.key] = raw === null || raw === '' ? null : c.type === 'date' ? (typeof raw === 'number' ? serialIso(raw) : String(raw)) : c.type === 'id' || c.type === 'text' ? String(raw) : typeof raw === 'number' ? raw : Number(raw);
      }
      if (row.date !== null) out[kind].push(row);
    }
  }
  return out;
}

function serialIso(n: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

function plain(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return isoToSerial(v.toISOString().slice(0, 10));
  if (typeof v === 'object' && 'result' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((x) => x.text).join('');
  return typeof v === 'number' || typeof v === 'string' ? v : String(v);
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export interface FunnelSheetOptions {
  /** Store cached formula results (false: the oracle test makes the spreadsheet compute them all). */
  cacheResults: boolean;
}

export function addFunnelSheet(wb: ExcelJS.Workbook, lang: Lang, data: FunnelData, opts: FunnelSheetOptions): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t(P.funnelSheet, lang));
  const keys = funnelKeys(data);
  const grid = funnelGrid(keys, 'native', lang);
  const results = opts.cacheResults ? computeFunnel(data, keys) : null;
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 14;
  for (let i = 3; i <= 14; i++) ws.getColumn(i).width = 12;
  grid.cells.forEach((line, r) =>
    line.forEach((cell, ci) => {
      const target = ws.getCell(r + 1, ci + 1);
      if ('formula' in cell) {
        const block = Object.entries(grid.blocks).find(([, b]) => r + 1 >= b.firstRow && r + 1 < b.firstRow + b.rows);
        const value = block && results ? results[block[0] as keyof typeof results][r + 1 - block[1].firstRow].values[block[1].columns[ci + 1 - block[1].firstValueCol]] : undefined;
        target.value = (value !== undefined ? { formula: cell.formula.slice(1), result: value ?? '' } : { formula: cell.formula.slice(1) }) as ExcelJS.CellFormulaValue;
      } else target.value = cell.value;
      if (cell.format) target.numFmt = FUNNEL_FORMATS[cell.format as FunnelFormat];
    }),
  );
  for (const r of grid.titleRows) ws.getCell(r, 1).font = TITLE_FONT;
  for (const r of grid.headerRows) {
    // Up to three lines of header text: spreadsheets do not grow a row's height for wrapped text written by a file.
    ws.getRow(r).height = 42;
    ws.getRow(r).eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      // The reconciliation headers are long ("日志询盘（全部渠道）"): wrap rather than widen every column.
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return ws;
}

export interface PlanSheetOptions {
  rows?: readonly PlanInput[];
  cacheResults: boolean;
  /** 平台流量 rows: the products' sales history for the cached SS_HISTORY-style suggestion. */
  traffic?: readonly PlatformRow[];
}

export function addPlanSheet(wb: ExcelJS.Workbook, lang: Lang, opts: PlanSheetOptions): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = opts.rows ?? seedPlanRows(lang);
  PLAN_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.numFmt = FUNNEL_FORMATS[c.format];
  });
  const tableRows = rows.map((input) => {
    const out = computePlanRow(input, lang, salesHistory(opts.traffic ?? [], input.product));
    return PLAN_COLUMNS.map((c) => {
      if (!c.calc) return input[c.key as keyof PlanInput] ?? null;
      const formula = planFormula(c.key as PlanCalcKey, 'native', lang).slice(1);
      const result = out[c.key as PlanCalcKey];
      return opts.cacheResults ? { formula, result: result ?? '' } : { formula };
    });
  });
  ws.addTable({
    name: PLAN_TABLE,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium7', showRowStripes: true },
    columns: PLAN_COLUMNS.map((c) => {
      const column: ExcelJS.TableColumnProperties & { calculatedColumnFormula?: string } = { name: t(c.header, lang), filterButton: true };
      if (c.calc) column.calculatedColumnFormula = planFormula(c.key as PlanCalcKey, 'native', lang);
      return column;
    }),
    rows: tableRows.length ? tableRows : [PLAN_COLUMNS.map(() => null)],
  });
  // The whole row turns red while the buffer covers fewer days than the replenishment cycle (also for rows added later).
  const last = Math.max(rows.length, 1) + 1 + 200;
  ws.addConditionalFormatting({
    ref: `A2:${columnLetter(PLAN_COLUMNS.length - 1)}${last}`,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [planAlertCondition(2)],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(HIGHLIGHT_FILL) } }, font: { color: { argb: argb(HIGHLIGHT_FONT) } } },
      },
    ],
  });
  return ws;
}
