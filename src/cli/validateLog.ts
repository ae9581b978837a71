/**
 * Core validation over a log read from a file. Two passes: the first collects the valid rows so the amount-outlier
 * warning knows each product's usual price (from this file's own deals), the second reports every issue, with
 * possible duplicates flagged on the second of two equal rows (as the pane's sheet check does).
 */
import { todayIso } from '../core/dates';
import { t } from '../core/i18n';
import { cli } from '../core/i18n/cli';
import { buildAmountRanges, buildDuplicateIndex, validateRow, type ValidationContext } from '../core/validation';
import { defaultListValues, isCalcKey, header, type ColumnKey, type Lang, type LogEntry } from '../core/schema';
import type { LogRead } from './readLog';

export interface RowProblem {
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
  problems: RowProblem[];
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
}

export function validateLog(log: LogRead, options: ValidateLogOptions): LogValidation {
  const { lang } = options;
  const base: ValidationContext = { today: options.today ?? todayIso(), lists: log.lists ?? defaultListValues() };
  const problems: RowProblem[] = [];

  const missingInput = log.missing.filter((k) => !isCalcKey(k));
  const missingCalc = log.missing.filter((k) => isCalcKey(k));
  if (missingInput.length > 0) {
    const columns = missingInput.map((k) => header(k, lang)).join(lang === 'zh-CN' ? '、' : ', ');
    problems.push({ row: null, column: null, severity: 'error', code: 'missingColumns', message: t(cli.missingColumns, lang, { columns }) });
  }
  if (missingCalc.length > 0) {
    const columns = missingCalc.map((k) => header(k, lang)).join(lang === 'zh-CN' ? '、' : ', ');
    problems.push({ row: null, column: null, severity: 'warning', code: 'missingColumns', message: t(cli.missingColumns, lang, { columns }) });
  }

  const warnings = options.warnings ?? true;
  let ctx: ValidationContext = base;
  if (warnings) {
    // Pass 1: the file's own deals give each product's usual unit price.
    const first: LogEntry[] = [];
    for (const row of log.rows) {
      const r = validateRow(row.cells, log.positions, base);
      if (r.entry) first.push(r.entry);
    }
    ctx = { ...base, duplicates: buildDuplicateIndex(), amountRanges: buildAmountRanges(first) };
  }

  // Pass 2: every issue, duplicates counted in sheet order.
  const entries: LogEntry[] = [];
  const entryRows: number[] = [];
  for (const row of log.rows) {
    const r = validateRow(row.cells, log.positions, ctx);
    for (const issue of r.issues) {
      if (!warnings && issue.severity === 'warning') continue;
      problems.push({ row: row.sheetRow, column: issue.field, severity: issue.severity, code: issue.code, message: t(issue.message, lang) });
    }
    if (r.entry) {
      ctx.duplicates?.add(r.entry);
      if (r.ok) {
        entries.push(r.entry);
        entryRows.push(row.sheetRow);
      }
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { rows: log.rows.length, errors, warnings: problems.length - errors, problems, entries, entryRows };
}
