/**
 * Core validation over a log read from a file: the core log check (checkLog, shared with the pane and the in-memory
 * workbook) on its rows, plus the file-level problem of missing columns, with messages in the CLI's language.
 */
import { todayIso } from '../core/dates';
import { t } from '../core/i18n';
import { cli } from '../core/i18n/cli';
import { checkLog } from '../core/validation';
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

  const checked = checkLog(log.rows.map((row) => row.cells), log.positions, {
    today: options.today ?? todayIso(),
    lists: log.lists ?? defaultListValues(),
    warnings: options.warnings,
  });
  for (const p of checked.problems) {
    problems.push({ row: log.rows[p.rowIndex].sheetRow, column: p.field, severity: p.severity, code: p.code, message: t(p.message, lang) });
  }
  const entries = checked.entries;
  const entryRows = checked.entryRows.map((i) => log.rows[i].sheetRow);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { rows: log.rows.length, errors, warnings: problems.length - errors, problems, entries, entryRows };
}
