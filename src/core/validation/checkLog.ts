/**
 * The log check: the rows of a log → every problem (errors and warnings, possible duplicates and amount outliers
 * included) and the canonical entries of the rows without errors. The pane's Check view and summaries, the in-memory
 * workbook's reports and the CLI all call it, so the same rows give the same problems everywhere.
 *
 * Two passes when warnings are wanted: the first keeps the rows without errors so the outlier warning knows each
 * product's usual unit price from the log's own deals; the second reports every issue and flags the second of two
 * equal rows as a possible duplicate. Without warnings (reports need only the rows they can count) one pass.
 *
 * A row whose only problems are warnings (a product or agent not in 字典, a possible duplicate, an outlier) is an
 * entry: reports count it.
 *
 *   checkLog(rows, positions, options)        the whole log at once (CLI, in-memory workbook, summaries)
 *   new LogChecker(rows, positions, options)  the same in steps, so the pane can yield to the UI and be cancelled
 */
import type { Text } from '../i18n';
import type { InputKey, ListValues, LogEntry } from '../schema';
import { rangeOf, unitPrice } from './amountRanges';
import { buildDuplicateIndex } from './duplicates';
import { validateRow } from './row';
import type { AmountRange, HeaderPositions, IssueCode, Severity, ValidationContext } from './types';

export interface LogProblem {
  /** 0-based index into the rows checked. */
  rowIndex: number;
  /** The field the problem belongs to (null for a row-level problem). */
  field: InputKey | null;
  severity: Severity;
  code: IssueCode;
  message: Text;
}

export interface LogCheckResult {
  rows: number;
  errors: number;
  warnings: number;
  /** In row order; within a row, in the order the rules found them. */
  problems: LogProblem[];
  /** Canonical entries of the rows without errors, in row order. */
  entries: LogEntry[];
  /** rowIndex of each entry (same order). */
  entryRows: number[];
}

export interface LogCheckOptions {
  /** Today's date (ISO) in the user's calendar. */
  today: string;
  /** The workbook's own lists (its 字典), or the schema defaults. */
  lists: ListValues;
  /** false: errors only, one pass (what reports need). Default true. */
  warnings?: boolean;
  /**
   * false: leave `entries` empty (the Check view needs only the problems). Keeping 100,000 entries makes V8 allocate
   * every later row object in the old generation, which costs several times the check itself. Default true.
   */
  keepEntries?: boolean;
  /**
   * Each problem as it is found, in place of collecting them in `problems` (which then stays empty): the CLI streams
   * the problems of 100,000 bad rows instead of holding them. Counts are kept either way.
   */
  onProblem?: (problem: LogProblem) => void;
}

export type LogRows = readonly (readonly unknown[])[];

/** The check in steps: call step() until done, reading progress in between. */
export class LogChecker {
  private readonly base: ValidationContext;
  private readonly withWarnings: boolean;
  private readonly keepEntries: boolean;
  private readonly sink: (problem: LogProblem) => void;
  private ctx: ValidationContext | null = null;
  private pass: 1 | 2;
  private next = 0;
  /** First pass: the unit prices of each product's deals (not the entries themselves: see keepEntries). */
  private readonly prices = new Map<string, number[]>();
  private readonly result: LogCheckResult;

  constructor(
    private readonly rows: LogRows,
    private readonly positions: HeaderPositions,
    options: LogCheckOptions,
  ) {
    this.base = { today: options.today, lists: options.lists };
    this.withWarnings = options.warnings ?? true;
    this.keepEntries = options.keepEntries ?? true;
    this.sink = options.onProblem ?? ((problem) => this.result.problems.push(problem));
    this.pass = this.withWarnings ? 1 : 2;
    this.result = { rows: rows.length, errors: 0, warnings: 0, problems: [], entries: [], entryRows: [] };
  }

  get done(): boolean {
    return this.pass === 2 && this.next >= this.rows.length;
  }

  /** Share of the work done, 0 to 1 (the first pass counts as half when there are two). */
  get progress(): number {
    const n = this.rows.length;
    if (n === 0) return this.done ? 1 : 0;
    const inPass = Math.min(this.next, n) / n;
    if (!this.withWarnings) return inPass;
    return this.pass === 1 ? inPass / 2 : 0.5 + inPass / 2;
  }

  /** Checks up to `count` more rows. */
  step(count: number): void {
    const end = Math.min(this.rows.length, this.next + count);
    if (this.pass === 1) {
      for (let i = this.next; i < end; i++) {
        const entry = validateRow(this.rows[i], this.positions, this.base).entry;
        const price = entry ? unitPrice(entry) : null;
        if (price === null || !entry?.product) continue;
        const list = this.prices.get(entry.product);
        if (list) list.push(price);
        else this.prices.set(entry.product, [price]);
      }
      this.next = end;
      if (end >= this.rows.length) {
        this.pass = 2;
        this.next = 0;
      }
      return;
    }
    const ctx = this.context();
    const out = this.result;
    for (let i = this.next; i < end; i++) {
      const r = validateRow(this.rows[i], this.positions, ctx);
      for (const issue of r.issues) {
        if (issue.severity === 'warning') {
          if (!this.withWarnings) continue;
          out.warnings++;
        } else {
          out.errors++;
        }
        this.sink({ rowIndex: i, field: issue.field, severity: issue.severity, code: issue.code, message: issue.message });
      }
      if (r.entry) {
        ctx.duplicates?.add(r.entry);
        if (this.keepEntries) {
          out.entries.push(r.entry);
          out.entryRows.push(i);
        }
      }
    }
    this.next = end;
  }

  /** The outcome; complete once `done`. */
  outcome(): LogCheckResult {
    return this.result;
  }

  private amountRanges(): Map<string, AmountRange> {
    return rangesOf(this.prices);
  }

  private context(): ValidationContext {
    if (!this.ctx) {
      this.ctx = this.withWarnings ? { ...this.base, duplicates: buildDuplicateIndex(), amountRanges: this.amountRanges() } : this.base;
      this.prices.clear();
    }
    return this.ctx;
  }
}

/** What buildAmountRanges() gives for the same deals, from their unit prices (the rule lives in amountRanges.ts). */
function rangesOf(prices: ReadonlyMap<string, number[]>): Map<string, AmountRange> {
  const ranges = new Map<string, AmountRange>();
  for (const [product, list] of prices) {
    const range = rangeOf(list);
    if (range) ranges.set(product, range);
  }
  return ranges;
}

export function checkLog(rows: LogRows, positions: HeaderPositions, options: LogCheckOptions): LogCheckResult {
  const checker = new LogChecker(rows, positions, options);
  while (!checker.done) checker.step(rows.length || 1);
  return checker.outcome();
}
