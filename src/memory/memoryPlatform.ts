/**
 * Platform data and the plan in the in-memory workbook (browser demo and pane tests): the same tables, merge and
 * funnel as the Excel implementation, with calculated cells holding the values the formulas would show.
 */
import { isoToSerial, serialToIso } from '../core/dates';
import { t } from '../core/i18n';
import { platform as P } from '../core/i18n/platform';
import { PLATFORM_SHEET, PLATFORM_TABLES, platformHeader, type PlatformKind } from '../core/platform/columns';
import { computeFunnel, FUNNEL_FORMATS, type FunnelData, type FunnelResult } from '../core/platform/funnel';
import { mergePlatformRows } from '../core/platform/merge';
import type { ParsedExport, PlatformRow } from '../core/platform/parse';
import { computePlanRow, PLAN_COLUMNS, PLAN_SHEET, PLAN_TABLE, planFormula, salesHistory, seedPlanRows, type PlanCalcKey, type PlanInput } from '../core/platform/plan';
import { statsOf, type PlanInsertResult, type PlatformImportResult, type PlatformImportStats } from '../core/platform/workbookTypes';
import type { CellValue } from '../core/logCells';
import type { Lang } from '../core/schema';
import type { MemoryTable } from './MemoryWorkbook';

/** The part of MemoryWorkbook these functions use (no import cycle at run time). */
export interface MemoryHost {
  readonly sheets: string[];
  readonly tables: MemoryTable[];
  table(name: string): MemoryTable | undefined;
}

const funnels = new WeakMap<MemoryHost, FunnelResult>();

/** The funnel the 漏斗 sheet shows after the last import (null before any). */
export function memoryFunnel(host: MemoryHost): FunnelResult | null {
  return funnels.get(host) ?? null;
}

function rowsOf(kind: PlatformKind, table: MemoryTable | undefined): PlatformRow[] {
  if (!table) return [];
  const cols = PLATFORM_TABLES[kind].columns;
  return table.rows
    .map((cells) => {
      const row: PlatformRow = {};
      cols.forEach((c, i) => {
        const v = cells[i];
        row[c.key] = v === '' || v === null || v === undefined ? null : c.type === 'date' ? serialToIso(Number(v)) : c.type === 'id' || c.type === 'text' ? String(v) : Number(v);
      });
      return row;
    })
    .filter((r) => r.date !== null);
}

export function memoryImportPlatform(host: MemoryHost, exports: readonly ParsedExport[], lang: Lang, log: FunnelData['log']): PlatformImportResult {
  const current: Record<PlatformKind, PlatformRow[]> = { traffic: rowsOf('traffic', host.table(PLATFORM_TABLES.traffic.table)), agents: rowsOf('agents', host.table(PLATFORM_TABLES.agents.table)) };
  const stats: PlatformImportStats[] = [];
  for (const e of exports) {
    const merged = mergePlatformRows(e.kind, current[e.kind], e.rows);
    current[e.kind] = merged.rows;
    stats.push(statsOf(e.kind, merged));
  }
  if (!host.sheets.includes(PLATFORM_SHEET)) host.sheets.push(PLATFORM_SHEET);
  for (const kind of ['traffic', 'agents'] as const) {
    const def = PLATFORM_TABLES[kind];
    let table = host.table(def.table);
    if (!table) {
      table = { name: def.table, sheet: PLATFORM_SHEET, headers: def.columns.map((c) => platformHeader(c, lang)), rows: [], formats: def.columns.map((c) => (c.type === 'date' ? FUNNEL_FORMATS.date : c.type === 'percent' ? FUNNEL_FORMATS.percent : 'General')), formulas: def.columns.map(() => null) };
      host.tables.push(table);
    }
    table.rows = current[kind].map((r) => def.columns.map((c): CellValue => {
      const v = r[c.key];
      return v === null || v === undefined ? '' : c.type === 'date' ? isoToSerial(String(v)) : v;
    }));
  }
  const funnelSheet = t(P.funnelSheet, lang);
  if (!host.sheets.includes(funnelSheet)) host.sheets.push(funnelSheet);
  const funnel = computeFunnel({ ...current, log });
  funnels.set(host, funnel);
  return { stats, funnel };
}

export function memoryInsertPlan(host: MemoryHost, lang: Lang, rows: readonly PlanInput[] = seedPlanRows(lang)): PlanInsertResult {
  if (host.table(PLAN_TABLE) || host.sheets.includes(PLAN_SHEET)) return { status: 'unchanged' };
  host.sheets.push(PLAN_SHEET);
  host.tables.push({
    name: PLAN_TABLE,
    sheet: PLAN_SHEET,
    headers: PLAN_COLUMNS.map((c) => t(c.header, lang)),
    formats: PLAN_COLUMNS.map((c) => FUNNEL_FORMATS[c.format]),
    formulas: PLAN_COLUMNS.map((c) => (c.calc ? planFormula(c.key as PlanCalcKey, 'shop', lang) : null)),
    rows: rows.map((input) => {
      const out = computePlanRow(input, lang, salesHistory(rowsOf('traffic', host.table(PLATFORM_TABLES.traffic.table)), input.product));
      return PLAN_COLUMNS.map((c): CellValue => (c.calc ? out[c.key as PlanCalcKey] ?? '' : input[c.key as keyof PlanInput] ?? ''));
    }),
  });
  return { status: 'inserted' };
}
