/**
 * Reports in the in-memory workbook: placed in the same slots as on a real 报表 sheet (core planReportSheet) and
 * computed with the core aggregation over the log's valid rows — what the PivotTables would show after a refresh.
 */
import { todayIso } from '../core/dates';
import { REPORT_IDS, type ReportId } from '../core/reportIds';
import { a1, aggregate, planPivotSheet, planReportSheet, type ReportResults } from '../core/reports';
import { mapHeaders, type Lang, type ListValues, type LogEntry } from '../core/schema';
import { checkLog } from '../core/validation';
import type { ReportBuildOptions } from '../core/workbook';
import type { MemoryTable } from './MemoryWorkbook';

export interface MemoryReports {
  lang: Lang;
  mode: 'pivot' | 'formula';
  built: ReportId[];
  placed: Partial<Record<ReportId, string>>;
  /** Rows of the log the reports were computed over (a refresh after new rows raises it). */
  sourceRows: number;
  results: Partial<ReportResults>;
}

/**
 * The log's rows without errors, as canonical entries (rows with only warnings count; rows with errors are what
 * the check view is for), by the core log check the pane and the CLI use.
 */
export function validEntries(log: MemoryTable, lists: ListValues): LogEntry[] {
  return checkLog(log.rows, mapHeaders(log.headers).positions, { today: todayIso(), lists, warnings: false }).entries;
}

export function buildMemoryReports(log: MemoryTable, lists: ListValues, options: ReportBuildOptions): MemoryReports {
  const ids = options.reports ?? [...REPORT_IDS];
  const placed: Partial<Record<ReportId, string>> = {};
  // The same places as on a real 报表 sheet: pivots in their bands, formula blocks one under the other.
  const slots = options.mode === 'pivot' ? planPivotSheet(lists) : planReportSheet(options.lang, lists).slots;
  for (const slot of slots) {
    if (ids.includes(slot.id)) placed[slot.id] = a1(slot.anchor.row, slot.anchor.col);
  }
  const entries = validEntries(log, lists);
  const all = aggregate(entries, { lists });
  const results: Partial<ReportResults> = {};
  for (const id of ids) results[id] = all[id];
  return { lang: options.lang, mode: options.mode, built: [...ids], placed, sourceRows: entries.length, results };
}
