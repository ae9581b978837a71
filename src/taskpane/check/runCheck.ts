/**
 * The sheet check behind the 检查 view: read the log through the Workbook (chunked, with progress and cancel),
 * run the same core rules as the form on every row, and collect the problems. Validation yields to the UI every
 * few thousand rows so a large log keeps the pane responsive and cancellable.
 */
import { todayIso } from '../../core/dates';
import type { Text } from '../../core/i18n';
import { ui } from '../../core/i18n/ui';
import { COLUMNS, type ColumnKey, type InputKey, type ListValues } from '../../core/schema';
import { buildDuplicateIndex, validateRow } from '../../core/validation';
import type { Severity } from '../../core/validation/types';
import { WorkbookError, type LogSnapshot, type Workbook } from '../../core/workbook';

export interface Problem {
  /** 0-based index in the table's data body. */
  rowIndex: number;
  sheetRow: number;
  key: InputKey | null;
  severity: Severity;
  code: string;
  message: Text;
}

export interface CheckOutcome {
  rows: number;
  errors: number;
  warnings: number;
  /** Errors first, each group in row order. */
  problems: Problem[];
  /** Input columns the log lacks (their rules cannot be checked). */
  missing: ColumnKey[];
}

export interface CheckOptions {
  lists: ListValues;
  today?: string;
  signal?: AbortSignal;
  onProgress?: (phase: 'read' | 'validate', done: number, total: number) => void;
}

const YIELD_EVERY = 2000;

function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new WorkbookError('cancelled', ui.checkCancelled, false);
}

/** Validate every row of a snapshot (pure apart from yielding). */
export async function checkSnapshot(snap: LogSnapshot, options: CheckOptions): Promise<CheckOutcome> {
  const today = options.today ?? todayIso();
  const positions = snap.positions;
  const missing = COLUMNS.filter((c) => c.type !== 'calc' && positions[c.key] === undefined).map((c) => c.key);
  const duplicates = buildDuplicateIndex([]);
  const ctx = { today, lists: options.lists, duplicates };
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const total = snap.rows.length;
  for (let r = 0; r < total; r++) {
    if (r % YIELD_EVERY === 0 && r > 0) {
      options.onProgress?.('validate', r, total);
      await yieldToUi();
      throwIfAborted(options.signal);
    }
    const result = validateRow(snap.rows[r], positions, ctx);
    if (result.entry) duplicates.add(result.entry);
    for (const issue of result.issues) {
      const p: Problem = {
        rowIndex: r,
        sheetRow: snap.firstSheetRow + r,
        key: issue.field,
        severity: issue.severity,
        code: issue.code,
        message: issue.message,
      };
      (issue.severity === 'error' ? errors : warnings).push(p);
    }
  }
  options.onProgress?.('validate', total, total);
  return { rows: total, errors: errors.length, warnings: warnings.length, problems: [...errors, ...warnings], missing };
}

export async function runCheck(workbook: Workbook, options: CheckOptions): Promise<CheckOutcome> {
  const snap = await workbook.readLog({
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.('read', done, total),
  });
  throwIfAborted(options.signal);
  return checkSnapshot(snap, options);
}
