/**
 * The sheet check behind the 检查 view: read the log through the Workbook (chunked, with progress and cancel),
 * run the core log check on every row (the rules of the form and of the CLI's check), and collect the problems. Validation yields to the UI every
 * few thousand rows so a large log keeps the pane responsive and cancellable.
 */
import { todayIso } from '../../core/dates';
import type { Text } from '../../core/i18n';
import { ui } from '../../core/i18n/ui';
import { COLUMNS, type ColumnKey, type InputKey, type ListValues } from '../../core/schema';
import { LogChecker, type LogProblem } from '../../core/validation';
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

/**
 * Check every row of a snapshot with the core log check (the CLI's rules: duplicates and amount outliers included),
 * in steps that yield to the UI; pure apart from yielding.
 */
export async function checkSnapshot(snap: LogSnapshot, options: CheckOptions): Promise<CheckOutcome> {
  const positions = snap.positions;
  const missing = COLUMNS.filter((c) => c.type !== 'calc' && positions[c.key] === undefined).map((c) => c.key);
  const total = snap.rows.length;
  const checker = new LogChecker(snap.rows, positions, { today: options.today ?? todayIso(), lists: options.lists, keepEntries: false });
  for (;;) {
    checker.step(YIELD_EVERY);
    if (checker.done) break;
    options.onProgress?.('validate', Math.floor(checker.progress * total), total);
    await yieldToUi();
    throwIfAborted(options.signal);
  }
  options.onProgress?.('validate', total, total);
  const result = checker.outcome();
  const toProblem = (p: LogProblem): Problem => ({
    rowIndex: p.rowIndex,
    sheetRow: snap.firstSheetRow + p.rowIndex,
    key: p.field,
    severity: p.severity,
    code: p.code,
    message: p.message,
  });
  const errors = result.problems.filter((p) => p.severity === 'error').map(toProblem);
  const warnings = result.problems.filter((p) => p.severity === 'warning').map(toProblem);
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
