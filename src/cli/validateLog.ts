/**
 * Core validation over a log read from a file (every log sheet of it, duplicates looked for across them). Two passes: the first collects the valid rows so the amount-outlier
 * warning knows each product's usual price (from this file's own deals), the second reports every issue, with
 * possible duplicates flagged on the second of two equal rows (as the pane's sheet check does).
 */
import { todayIso } from '../core/dates';
import { t } from '../core/i18n';
import { cli } from '../core/i18n/cli';
import { buildAmountRanges, buildDuplicateIndex, validateRow, type ValidationContext } from '../core/validation';
import { CALC_KEYS, defaultListValues, header, type ColumnKey, type Lang, type LogEntry } from '../core/schema';
import type { LogRead } from './readLog';

export interface RowProblem {
  /** The log sheet the row is on; null for a file-level problem. */
  sheet: string | null;
  /** Sheet row (1-based); null for a file-level problem (missing columns). */
  row: number | null;
  /** Column key, or null for a row-level problem. */
  column: ColumnKey | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

export interface LogValidation {
  rows: number;
  errors: number;
  warnings: number;
  /** Canonical entries of the rows without errors, in sheet order. */
  entries: LogEntry[];
  /** Sheet rows of the entries (same order). */
  entryRows: number[];
}

export interface ValidateLogOptions {
  lang: Lang;
  today?: string;
  /** false: errors only, one pass (reports need the valid rows, not the duplicate/outlier warnings). Default true. */
  warnings?: boolean;
  /** Each problem as it is found (problems are not collected: 100,000 bad rows must not fill memory). */
  onProblem?: (problem: RowProblem) => void;
}

export function validateLog(log: LogRead, options: ValidateLogOptions): LogValidation {
  const { lang } = options;
  const base: ValidationContext = { today: options.today ?? todayIso(), lists: log.lists ?? defaultListValues() };
  let errors = 0;
  let warningCount = 0;
  const report = (p: RowProblem) => {
    if (p.severity === 'error') errors++;
    else warningCount++;
    options.onProblem?.(p);
  };

  // All log sheets have the same columns (readLog refuses others), so the first one's missing columns are the file's.
  const missing = log.sheets[0]?.missing ?? [];
  const missingInput = missing.filter((k) => !CALC_KEYS.includes(k));
  const missingCalc = missing.filter((k) => CALC_KEYS.includes(k));
  const separator = lang === 'zh-CN' ? '、' : ', ';
  if (missingInput.length > 0) {
    const columns = missingInput.map((k) => header(k, lang)).join(separator);
    report({ sheet: null, row: null, column: null, severity: 'error', code: 'missingColumns', message: t(cli.missingColumns, lang, { columns }) });
  }
  if (missingCalc.length > 0) {
    const columns = missingCalc.map((k) => header(k, lang)).join(separator);
    report({ sheet: null, row: null, column: null, severity: 'warning', code: 'missingColumns', message: t(cli.missingColumns, lang, { columns }) });
  }

  const warnings = options.warnings ?? true;
  let ctx: ValidationContext = base;
  if (warnings) {
    // Pass 1: the file's own deals give each product's usual unit price.
    const first: LogEntry[] = [];
    for (const sheet of log.sheets) {
      for (const row of sheet.rows) {
        const r = validateRow(row.cells, sheet.positions, base);
        if (r.entry) first.push(r.entry);
      }
    }
    ctx = { ...base, duplicates: buildDuplicateIndex(), amountRanges: buildAmountRanges(first) };
  }

  // Pass 2: every issue, duplicates counted in sheet order.
  const entries: LogEntry[] = [];
  const entryRows: number[] = [];
  let rows = 0;
  for (const sheet of log.sheets) {
    rows += sheet.rows.length;
    for (const row of sheet.rows) {
      const r = validateRow(row.cells, sheet.positions, ctx);
      for (const issue of r.issues) {
        if (!warnings && issue.severity === 'warning') continue;
        report({ sheet: sheet.name, row: row.sheetRow, column: issue.field, severity: issue.severity, code: issue.code, message: t(issue.message, lang) });
      }
      if (r.entry) {
        ctx.duplicates?.add(r.entry);
        if (r.ok) {
          entries.push(r.entry);
          entryRows.push(row.sheetRow);
        }
      }
    }
  }
  return { rows, errors, warnings: warningCount, entries, entryRows };
}
