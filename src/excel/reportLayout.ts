/**
 * Where each report goes on sheet 报表 (pure, no Office.js; the in-memory workbook uses it too).
 * Reports sit side by side in column bands, each band wide enough for its table and its chart, so a report that
 * grows downward (more regions, more days) never runs into another one.
 */
import { REPORTS, type ReportDef } from '../core/reports/definitions';
import type { ReportId } from '../core/reportIds';
import { LISTS } from '../core/schema';
import { columnLetter } from '../core/template';

export interface ReportSlot {
  id: ReportId;
  /** 0-based sheet row and column of the report's title cell; the table starts two rows below. */
  row: number;
  column: number;
  /** Columns reserved for the table. */
  tableColumns: number;
  /** 0-based column where the chart starts (beside the table), null without a chart. */
  chartColumn: number | null;
  /** Columns of the whole band. */
  width: number;
}

export const CHART_COLUMNS = 8;
const GAP = 1;

/** Columns a report's table needs: row labels + one per value (times the column field's items + blank + total). */
export function tableWidth(def: ReportDef, columnItems?: number): number {
  if (!def.columns) return 1 + def.values.length;
  const items = (columnItems ?? (def.columnList ? LISTS[def.columnList].items.length : 4)) + 2;
  return 1 + def.values.length * items;
}

export function reportSlots(ids?: readonly ReportId[]): ReportSlot[] {
  const slots: ReportSlot[] = [];
  let column = 0;
  for (const def of REPORTS) {
    const tableColumns = tableWidth(def);
    const chartColumn = def.chart === 'none' ? null : column + tableColumns + GAP;
    const width = tableColumns + (chartColumn === null ? 0 : GAP + CHART_COLUMNS) + GAP;
    // Slots are fixed whatever subset is built, so building one report never moves another.
    if (!ids || ids.includes(def.id)) slots.push({ id: def.id, row: 0, column, tableColumns, chartColumn, width });
    column += width;
  }
  return slots;
}

export function slotAddress(slot: ReportSlot): string {
  return `${columnLetter(slot.column)}${slot.row + 1}`;
}
