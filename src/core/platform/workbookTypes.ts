/** What the pane asks of a workbook for platform data and the plan (implemented by src/excel and src/memory). */
import type { PlatformKind } from './columns';
import type { FunnelResult } from './funnel';
import type { MergeResult } from './merge';
import type { ParsedExport } from './parse';

export interface PlatformImportStats {
  kind: PlatformKind;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Rows in the table after the import. */
  total: number;
}

export interface PlatformImportResult {
  stats: PlatformImportStats[];
  /** The funnel over the merged tables and the log, as the 漏斗 sheet's formulas compute it. */
  funnel: FunnelResult;
}

export interface PlanInsertResult {
  status: 'inserted' | 'unchanged';
}

export type { ParsedExport };

export function statsOf(kind: PlatformKind, m: MergeResult): PlatformImportStats {
  return { kind, added: m.added, updated: m.updated, unchanged: m.unchanged, removed: m.removed, total: m.rows.length };
}
