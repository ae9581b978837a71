/**
 * 今日待跟进 / Follow-ups due: which log rows a 客服 should call back today, and the one-cell-or-two write that records
 * the outcome. Pure: the pane reads the log through the Workbook (chunked), both workbooks apply writes with
 * `rowState` so a write lands only on the row the list showed.
 */
import { isoToSerial } from './dates';
import { type CellValue } from './logCells';
import { FOLLOW_UP_PENDING, INPUT_KEYS, type ColumnKey, type InputKey } from './schema';
import { isInvalid, normalizeDate } from './validation';

export type OutcomeKind = 'followed' | 'converted' | 'lost';

/** The 跟进情况 value each outcome writes (the list in schema.ts LISTS.followUp). */
export const OUTCOME_VALUE: Readonly<Record<OutcomeKind, string>> = { followed: '已跟进', converted: '已转化', lost: '已流失' };
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['followed', 'converted', 'lost'];
/** A new 下次跟进 defaults to three days after today. */
export const DEFAULT_NEXT_DAYS = 3;

/** Input cells of a row as the list read them (what a write checks the row still holds). */
export type ShownCells = Partial<Record<InputKey, CellValue>>;

export interface DueFollowUp {
  /** 0-based index in the table's data body. */
  rowIndex: number;
  sheetRow: number;
  agent: string;
  customerId: string;
  product: string;
  channel: string;
  reason: string;
  note: string;
  nextFollowUp: string;
  /** 0 when due today. */
  daysOverdue: number;
  shown: ShownCells;
}

export interface FollowUpList {
  /** Overdue first (longest overdue first), then due today; row order within a day. */
  due: DueFollowUp[];
  /** 待跟进 rows with no (or an unreadable) 下次跟进 — a check error; counted so the pane can point to Check. */
  undated: number;
  /** Agents who have any due row (for the filter), in first-seen order. */
  agents: string[];
}

interface SnapshotLike {
  rows: readonly (readonly unknown[])[];
  positions: Partial<Record<ColumnKey, number>>;
  firstSheetRow: number;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

function cellValue(v: unknown): CellValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return v === null || v === undefined ? '' : String(v);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

/**
 * The due rows of a log: 跟进情况 = 待跟进, or 已跟进 with a new 下次跟进 (what recording 已跟进 here writes: the customer
 * was contacted and is called again on that date), and 下次跟进 on or before today; optionally of one agent (null =
 * all). 已转化 / 已流失 close a row. Rows with other problems still count: a pending customer is pending even if the row
 * has a typo elsewhere.
 */
export function dueFollowUps(snap: SnapshotLike, today: string, agent: string | null = null): FollowUpList {
  const p = snap.positions;
  const at = (row: readonly unknown[], key: InputKey) => (p[key] === undefined ? '' : row[p[key]!]);
  const todaySerial = isoToSerial(today);
  const due: DueFollowUp[] = [];
  const agents: string[] = [];
  let undated = 0;
  if (p.followUp === undefined) return { due, undated, agents };
  snap.rows.forEach((row, rowIndex) => {
    const status = text(at(row, 'followUp'));
    const pending = status === FOLLOW_UP_PENDING;
    if (!pending && status !== OUTCOME_VALUE.followed) return;
    const next = normalizeDate(at(row, 'nextFollowUp'), today);
    if (next === null || isInvalid(next)) {
      // Only 待跟进 needs a date (a check error without one); 已跟进 without one is simply done for now.
      if (pending) undated++;
      return;
    }
    const overdue = todaySerial - isoToSerial(next);
    if (overdue < 0) return;
    const rowAgent = text(at(row, 'agent'));
    if (!agents.includes(rowAgent)) agents.push(rowAgent);
    if (agent !== null && rowAgent !== agent) return;
    const shown: ShownCells = {};
    for (const key of INPUT_KEYS) if (p[key] !== undefined) shown[key] = cellValue(row[p[key]!]);
    due.push({
      rowIndex,
      sheetRow: snap.firstSheetRow + rowIndex,
      agent: rowAgent,
      customerId: text(at(row, 'customerId')),
      product: text(at(row, 'product')),
      channel: text(at(row, 'channel')),
      reason: text(at(row, 'noDealReason')),
      note: text(at(row, 'note')),
      nextFollowUp: next,
      daysOverdue: overdue,
      shown,
    });
  });
  due.sort((a, b) => b.daysOverdue - a.daysOverdue || a.rowIndex - b.rowIndex);
  return { due, undated, agents };
}

/** One outcome to record on one row. */
export interface FollowUpWrite {
  rowIndex: number;
  sheetRow: number;
  /** The row's input cells as the list showed them. */
  shown: ShownCells;
  outcome: OutcomeKind;
  /** New 下次跟进 (ISO) for 'followed'; null otherwise. */
  next: string | null;
}

/** written: the cells changed now; alreadyWritten: the row already held this outcome (a retry after a write that landed); changed: the row moved or was edited, nothing written. */
export type FollowUpWriteStatus = 'written' | 'alreadyWritten' | 'changed';

/** The cells the write changes: 跟进情况 always, 下次跟进 only for 已跟进 (as an Excel date serial). */
export function outcomeCells(write: FollowUpWrite): ShownCells {
  const cells: ShownCells = { followUp: OUTCOME_VALUE[write.outcome] };
  if (write.outcome === 'followed' && write.next) cells.nextFollowUp = isoToSerial(write.next);
  return cells;
}

function sameCell(actual: unknown, expected: CellValue): boolean {
  const a = actual === null || actual === undefined ? '' : actual;
  if (typeof expected === 'number' || typeof a === 'number') {
    return a !== '' && expected !== '' && Math.abs(Number(a) - Number(expected)) < 1e-9;
  }
  return String(a) === String(expected);
}

function holds(cells: readonly unknown[], positions: Partial<Record<ColumnKey, number>>, expected: ShownCells): boolean {
  for (const key of INPUT_KEYS) {
    if (!(key in expected)) continue;
    const at = positions[key];
    if (at === undefined || !sameCell(cells[at], expected[key]!)) return false;
  }
  return true;
}

/** Whether a row still holds what the list showed ('before'), already holds the outcome ('after'), or neither. */
export function rowState(cells: readonly unknown[] | undefined, positions: Partial<Record<ColumnKey, number>>, write: FollowUpWrite): 'before' | 'after' | 'other' {
  if (!cells) return 'other';
  if (holds(cells, positions, write.shown)) return 'before';
  if (holds(cells, positions, { ...write.shown, ...outcomeCells(write) })) return 'after';
  return 'other';
}

/** Problems with a new 下次跟进 typed in the pane: null when fine. */
export function nextDateProblem(raw: string, today: string): 'invalid' | 'past' | null {
  const iso = normalizeDate(raw, today);
  if (iso === null || isInvalid(iso)) return 'invalid';
  return iso < today ? 'past' : null;
}
