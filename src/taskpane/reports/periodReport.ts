/**
 * 本周报告 / 本月报告 for the open workbook: read the log, keep the rows without errors (the core log check, as the
 * kit's collect does), compute the period report with the same core code as `shop-stats report --store`, and write
 * it to its own sheet with charts.
 */
import { todayIso } from '../../core/dates';
import type { PeriodKind } from '../../core/periods/period';
import { periodReport, type PeriodReport, type QualityCount } from '../../core/periods/periodReport';
import { periodGrid } from '../../core/periods/periodSheet';
import type { Lang } from '../../core/schema';
import { checkLog, type HeaderPositions } from '../../core/validation';
import type { PeriodSheetResult, Workbook } from '../../core/workbook';

export interface PanePeriodReport {
  report: PeriodReport;
  written: PeriodSheetResult;
}

/** The period report of a log snapshot's rows (no workbook writes): what the pane and its tests compare. */
export async function computePeriodReport(workbook: Workbook, kind: PeriodKind, today: string, date = today): Promise<PeriodReport> {
  const [snapshot, lists] = [await workbook.readLog(), await workbook.readLists()];
  const codesByRow = new Map<number, Set<string>>();
  const checked = checkLog(snapshot.rows, snapshot.positions as HeaderPositions, {
    today,
    lists,
    warnings: false,
    onProblem: (p) => {
      if (p.severity !== 'error') return;
      let codes = codesByRow.get(p.rowIndex);
      if (!codes) codesByRow.set(p.rowIndex, (codes = new Set()));
      codes.add(`${p.code}:${p.field ?? ''}`);
    },
  });
  // Rows with errors by kind: a row with two kinds of error counts under each (as the store's quality query).
  const byCode = new Map<string, number>();
  for (const codes of codesByRow.values()) for (const c of codes) byCode.set(c, (byCode.get(c) ?? 0) + 1);
  const quality: QualityCount[] = [...byCode].map(([code, rows]) => ({ code, rows })).sort((a, b) => b.rows - a.rows || (a.code < b.code ? -1 : 1));
  return periodReport(checked.entries, { kind, date, today, lists, quality });
}

export async function writePanePeriodReport(workbook: Workbook, kind: PeriodKind, lang: Lang, today = todayIso()): Promise<PanePeriodReport> {
  const report = await computePeriodReport(workbook, kind, today);
  const written = await workbook.writePeriodReport(periodGrid(report, lang, ''));
  return { report, written };
}
