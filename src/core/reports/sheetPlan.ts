/**
 * Where the eight reports go on sheet 报表: one under the other in column A, each chart to the right of its block,
 * with room below each block for growth. The same slots serve the native-formula blocks and the PivotTables (a
 * pivot grows when an agent or product is added, and Excel refuses to refresh a pivot into another one), so:
 * - blocks whose rows come from a user-edited list (products, agents) get extra rows of room;
 * - the daily report, which gains a row every day as a pivot, goes last, where it can grow freely;
 * - the follow-up board grows to the right (one column per agent) and has no chart beside it.
 */
import type { ReportId } from '../reportIds';
import type { Lang, ListValues } from '../schema';
import { reportDef } from './definitions';
import { formulaBlock, type CellRange, type ReportBlock } from './formulaLayout';

/** Sheet order (not REPORT_IDS order): growing reports towards the end, daily last. */
export const SHEET_ORDER: readonly ReportId[] = ['channel', 'region', 'customerMix', 'noDealReasons', 'agents', 'followUp', 'products', 'daily'];

/** Empty rows between one slot and the next. */
export const SLOT_GAP_ROWS = 2;
/** Room for growth below a block: user lists grow, fixed lists only gain a （空白） row and pivot chrome. */
export const USER_LIST_ROOM = 20;
export const FIXED_LIST_ROOM = 3;

export interface SheetSlot {
  id: ReportId;
  anchor: { row: number; col: number };
  block: ReportBlock;
  /** Everything the slot may cover: the block, its growth room and its chart. Slots never overlap. */
  reserved: CellRange;
}

export interface SheetPlan {
  slots: SheetSlot[];
  /** Suggested widths (Excel character units) for columns 1..n. */
  columnWidths: number[];
}

export function planReportSheet(lang: Lang, lists: ListValues): SheetPlan {
  const slots: SheetSlot[] = [];
  let row = 1;
  for (const id of SHEET_ORDER) {
    const anchor = { row, col: 1 };
    const block = formulaBlock(id, lang, lists, anchor);
    const def = reportDef(id);
    const userList = def.rowList === 'agent' || def.rowList === 'product';
    const room = id === 'daily' ? 0 : userList ? USER_LIST_ROOM : FIXED_LIST_ROOM;
    const bottom = Math.max(block.range.bottom + room, block.chart ? block.chart.placement.bottom : 0);
    const right = Math.max(block.range.right, block.chart ? block.chart.placement.right : 0);
    slots.push({ id, anchor, block, reserved: { top: anchor.row, left: anchor.col, bottom, right } });
    row = bottom + 1 + SLOT_GAP_ROWS;
  }
  const maxCol = Math.max(...slots.map((s) => s.reserved.right));
  const columnWidths = Array.from({ length: maxCol }, (_, i) => (i === 0 ? 18 : 12));
  return { slots, columnWidths };
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
