/**
 * Where the eight reports go on sheet 报表: one under the other in column A, each chart to the right of its block,
 * with room below each block for growth. The same slots serve the native-formula blocks and the PivotTables (a
 * pivot grows when an agent or product is added, and Excel refuses to refresh a pivot into another one), so:
 * - blocks whose rows come from a user-edited list (products, agents) get extra rows of room;
 * - the daily report, which gains a row every day as a pivot, goes last, where it can grow freely;
 * - the follow-up board grows to the right (one column per agent) and has no chart beside it.
 */
import type { ReportId } from '../reportIds';
import type { HeaderSource, Lang, ListValues } from '../schema';
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

export function planReportSheet(lang: Lang, lists: ListValues, headers: HeaderSource = lang): SheetPlan {
  const slots: SheetSlot[] = [];
  let row = 1;
  for (const id of SHEET_ORDER) {
    const anchor = { row, col: 1 };
    const block = formulaBlock(id, lang, lists, anchor, headers);
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

// ---------------------------------------------------------------- PivotTables

/**
 * Where the eight PivotTables go. A pivot grows with the data on every refresh, and Excel refuses a refresh that
 * would run one pivot into another (PivotTableRangeConflict), so the layout is by growth direction, not by the
 * formula blocks' fixed sizes:
 * - reports over fixed lists (channel, region, customer mix, no-deal reasons) stack in the first band, each with
 *   room for a few stray values pasted past validation; the last of them may grow freely downwards;
 * - reports over user lists or dates (agents, products, daily) grow downwards without bound: each has its own
 *   column band from row 1, so nothing ever sits below them;
 * - the follow-up board grows to the right (one column per agent): it takes the last band.
 * No charts: a chart over a pivot's range is bound to the whole pivot and plots every value field (office-js #419).
 */
export const PIVOT_ORDER: readonly ReportId[] = ['channel', 'region', 'customerMix', 'noDealReasons', 'agents', 'products', 'daily', 'followUp'];
const STACKED: ReadonlySet<ReportId> = new Set(['channel', 'region', 'customerMix', 'noDealReasons']);
/** Extra rows below a fixed-list pivot: items pasted past validation, and the （空白） item. */
export const PIVOT_FIXED_ROOM = 10;
/** Empty columns between bands. */
export const PIVOT_BAND_GAP = 2;

export interface PivotSlot {
  id: ReportId;
  /** The title cell; the pivot itself starts two rows below. */
  anchor: { row: number; col: number };
  /** Where the pivot sits at most (fixed-list pivots), or its band down to the sheet's end. */
  reserved: CellRange;
}

/** Rows and columns a pivot takes with these lists: filter area, header rows, items (+ blank), grand total. */
function pivotExtent(id: ReportId, lists: ListValues): { rows: number; cols: number } {
  const def = reportDef(id);
  const items = (key: keyof ListValues | undefined) => (key ? lists[key].length + 1 : 0);
  const filterRows = def.filter ? 2 : 0;
  const columnItems = def.columns ? items(def.columnList) + 1 : 1;
  return {
    rows: filterRows + 1 + (def.columns ? 1 : 0) + items(def.rowList) + 1,
    cols: 1 + def.values.length * columnItems,
  };
}

export const SHEET_LAST_ROW = 1_048_575;

export function planPivotSheet(lists: ListValues): PivotSlot[] {
  const slots: PivotSlot[] = [];
  let row = 1;
  let bandRight = 1;
  for (const id of PIVOT_ORDER.filter((x) => STACKED.has(x))) {
    const size = pivotExtent(id, lists);
    const last = id === 'noDealReasons';
    const bottom = last ? SHEET_LAST_ROW : row + 2 + size.rows - 1 + PIVOT_FIXED_ROOM;
    slots.push({ id, anchor: { row, col: 1 }, reserved: { top: row, left: 1, bottom, right: size.cols } });
    bandRight = Math.max(bandRight, size.cols);
    row = bottom + 1 + SLOT_GAP_ROWS;
  }
  let col = bandRight + 1 + PIVOT_BAND_GAP;
  for (const id of PIVOT_ORDER.filter((x) => !STACKED.has(x))) {
    const size = pivotExtent(id, lists);
    const right = id === 'followUp' ? 16_383 : col + size.cols - 1;
    slots.push({ id, anchor: { row: 1, col }, reserved: { top: 1, left: col, bottom: SHEET_LAST_ROW, right } });
    col = right + 1 + PIVOT_BAND_GAP;
  }
  return slots;
}
