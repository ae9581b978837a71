/**
 * Core validation over a log read from a file: the core log check (checkLog, shared with the pane and the in-memory
 * workbook) over every log sheet of it as one log (duplicates and usual prices across sheets), plus the file-level
 * problem of missing columns, with messages in the CLI's language. Problems are handed on as they are found, never
 * collected: 100,000 bad rows must not fill memory.
 */
import { todayIso } from '../core/dates';
import { t } from '../core/i18n';
import { cli } from '../core/i18n/cli';
import { checkLog, type HeaderPositions } from '../core/validation';
import { defaultListValues, header, isCalcKey, type ColumnKey, type Lang, type LogEntry } from '../core/schema';
import type { LogRead, LogSheet } from './readLog';

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

/** Where each checked row came from, so a problem names its sheet and sheet row. */
interface RowOrigin {
  sheet: string;
  sheetRow: number;
}

/**
 * The rows of every log sheet in the first sheet's column order (readLog guarantees the same columns; a sheet whose
 * columns stand in another order gets its cells rearranged, the others are passed as they are).
 */
function combinedRows(sheets: readonly LogSheet[]): { rows: (readonly unknown[])[]; positions: HeaderPositions; origins: RowOrigin[] } {
  const positions = (sheets[0]?.positions ?? {}) as HeaderPositions;
  const keys = Object.keys(positions) as ColumnKey[];
  const rows: (readonly unknown[])[] = [];
  const origins: RowOrigin[] = [];
  for (const sheet of sheets) {
    const same = keys.every((k) => sheet.positions[k] === positions[k as keyof HeaderPositions]);
    for (const row of sheet.rows) {
      if (same) {
        rows.push(row.cells);
      } else {
        const cells: unknown[] = [];
        for (const k of keys) cells[positions[k as keyof HeaderPositions]!] = row.cells[sheet.positions[k]!];
        rows.push(cells);
      }
      origins.push({ sheet: sheet.name, sheetRow: row.sheetRow });
    }
  }
  return { rows, positions, origins };
}

export function validateLog(log: LogRead, options: ValidateLogOptions): LogValidation {
  const { lang } = options;
  let errors = 0;
  let warningCount = 0;
  const report = (p: RowProblem) => {
    if (p.severity === 'error') errors++;
    else warningCount++;
    options.onProblem?.(p);
  };

  // All log sheets have the same columns (readLog refuses others), so the first one's missing columns are the file's.
  const missing = log.sheets[0]?.missing ?? [];
  const missingInput = missing.filter((k) => !isCalcKey(k));
  const missingCalc = missing.filter((k) => isCalcKey(k));
  const separator = lang === 'zh-CN' ? '、' : ', ';
  if (missingInput.length > 0) {
    const columns = missingInput.map((k) => header(k, lang)).join(separator);
    report({ sheet: null, row: null, column: null, severity: 'error', code: 'missingColumns', message: t(cli.missingColumns, lang, { columns }) });
  }
  if (missingCalc.length > 0) {
    const columns = missingCalc.map((k) => header(k, lang)).join(separator);
    report({ sheet: null, row: null, column: null, severity: 'warning', code: 'missingColumns', message: t(cli.missingColumns, lang, { columns }) });
  }

  const { rows, positions, origins } = combinedRows(log.sheets);
  const checked = checkLog(rows, positions, {
    today: options.today ?? todayIso(),
    lists: log.lists ?? defaultListValues(),
    warnings: options.warnings,
    onProblem: (p) => {
      const at = origins[p.rowIndex];
      report({ sheet: at.sheet, row: at.sheetRow, column: p.field, severity: p.severity, code: p.code, message: t(p.message, lang) });
    },
  });
  return {
    rows: rows.length,
    errors,
    warnings: warningCount,
    entries: checked.entries,
    entryRows: checked.entryRows.map((i) => origins[i].sheetRow),
  };
}
