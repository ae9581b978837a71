/**
 * The one interface through which the task pane reaches a workbook.
 * Implementations: src/excel/ (Office.js, real Excel) and src/memory/ (tests and the browser demo).
 * Everything here is plain data so the pane never sees an Office.js type.
 */
import type { Text } from './i18n';
import type { ColumnKey, Lang, ListValues, LogEntry } from './schema';
import type { CellChange } from './mask/maskColumns';
import type { FunctionId } from './metrics/catalog';
import type { ShareProblem } from './share/shareFormula';
import type { ReportId } from './reportIds';
import type { FollowUpWrite, FollowUpWriteStatus } from './followups';
import type { ParsedExport, PlanInsertResult, PlatformImportResult } from './platform/workbookTypes';
import type { PeriodGrid } from './periods/periodSheet';

export interface WorkbookState {
  host: 'excel' | 'memory';
  templatePresent: boolean;
  /** Stamped template version, or null when absent/unreadable. */
  templateVersion: number | null;
  /** Agency and client from the identity stamp (agency kit templates); null when not stamped. */
  agency: string | null;
  client: string | null;
  /** Data rows in the log table (0 when absent). */
  logRows: number;
  /**
   * PivotTable API available (ExcelApi 1.8). Every host that can install the add-in has it (SharedRuntime 1.1 comes
   * with ExcelApi 1.8 or later), so false is only a guard; formula reports are a choice for sharing, not a fallback.
   */
  pivotSupported: boolean;
}

export type TemplateChangeKind =
  | 'createdSheet'
  | 'createdLogTable'
  | 'addedColumn'
  | 'renamedTable'
  | 'createdList'
  | 'addedName'
  | 'appliedValidation'
  | 'appliedFormats'
  | 'movedRules'
  | 'stampedVersion';

export interface TemplateChange {
  kind: TemplateChangeKind;
  /** What it concerns: a sheet, table, column header, list or name. */
  target: string;
  message: Text;
}

export interface TemplateResult {
  /** inserted: fresh template; repaired: something was added; unchanged: nothing to do; ambiguous: asks the user. */
  status: 'inserted' | 'repaired' | 'unchanged' | 'ambiguous';
  changes: TemplateChange[];
  /** With 'ambiguous': the candidate log tables (names) the user must choose from. */
  candidates?: string[];
  /** User columns found and kept (headers not in the schema). */
  keptColumns?: string[];
}

export interface TemplateOptions {
  lang: Lang;
  /** After an 'ambiguous' result: the table the user chose as the log. */
  useTable?: string;
}

export interface AppendOptions {
  /** This entry was sent before and that attempt failed or timed out: look for it in the log tail first. */
  retry?: boolean;
}

/** Where an appended row landed, and what was written (to verify before undo). */
export interface WrittenRow {
  /** 0-based index in the table's data body. */
  rowIndex: number;
  /** 1-based sheet row number (for messages and selection). */
  sheetRow: number;
  entry: LogEntry;
}

export interface LogSnapshot {
  /** Header texts as found in the workbook. */
  headers: string[];
  /** Column key → index into `headers`/row arrays; user columns have no key. */
  positions: Partial<Record<ColumnKey, number>>;
  /** Raw cell values per data row as Excel returns them (dates as serial numbers, blanks as ""). */
  rows: unknown[][];
  /** 1-based sheet row number of the first data row. */
  firstSheetRow: number;
}

export interface ReadLogOptions {
  /** Rows per request; the Office implementation sizes chunks under Excel on the web's 5 MB limit. */
  chunkRows?: number;
  onProgress?: (doneRows: number, totalRows: number) => void;
  signal?: AbortSignal;
}

/** What a compare-and-set write of log cells did (see Workbook.replaceCells). */
export interface ReplaceCellsResult {
  written: number;
  /** Cells that no longer held the expected text (edited meanwhile, or rows moved): left alone. */
  skipped: number;
}

/** What Make shareable did to the open workbook (SHOP.* formulas rewritten as native ones). */
export interface ShareableResult {
  /** Cells whose formula was rewritten. */
  formulas: number;
  /** Calls replaced, by function id. */
  replaced: Partial<Record<FunctionId, number>>;
  /** Formulas left as they were, with the reason (never dropped silently). */
  unconverted: Array<{ sheet: string; address: string; formula: string; reason: ShareProblem; name: string }>;
}

export interface CellRef {
  rowIndex: number;
  key: ColumnKey;
}

export interface ReportBuildOptions {
  lang: Lang;
  /** Which reports; all eight when omitted. */
  reports?: ReportId[];
  /** pivot: real PivotTables (ExcelApi 1.8+); formula: native COUNTIFS/SUMIFS tables, shareable. */
  mode: 'pivot' | 'formula';
}

export interface ReportBuildResult {
  mode: 'pivot' | 'formula';
  built: ReportId[];
  /** Top-left address of each report on sheet 报表. */
  placed: Partial<Record<ReportId, string>>;
}

/** Where a period report (本周报告 / 本月报告) was written. */
export interface PeriodSheetResult {
  sheet: string;
  rows: number;
  charts: number;
}

export type WorkbookErrorCode =
  | 'noTemplate'
  | 'tableMissing'
  | 'busy'
  | 'timeout'
  | 'notSupported'
  | 'cancelled'
  | 'writeFailed'
  /** The sheet or workbook is protected (Office AccessDenied). */
  | 'protected'
  /** One request or response over Excel on the web's 5 MB limit. */
  | 'tooLarge'
  | 'unknown';

/** Errors from a Workbook carry a code (for logic: retry, outbox) and a message in both languages. */
export class WorkbookError extends Error {
  constructor(
    public readonly code: WorkbookErrorCode,
    public readonly text: Text,
    public readonly retryable: boolean = code === 'busy' || code === 'timeout' || code === 'writeFailed',
  ) {
    super(text['en-US']);
    this.name = 'WorkbookError';
  }
}

export interface Workbook {
  getState(): Promise<WorkbookState>;
  /** Insert the template, or repair it in place; idempotent. */
  insertTemplate(options: TemplateOptions): Promise<TemplateResult>;
  /** The dictionary lists as the workbook has them (an agency's own agents and products). */
  readLists(): Promise<ListValues>;
  /**
   * Append exactly one row; user text written as text. Throws WorkbookError (retryable when busy/time-out).
   * With `retry`, an entry already at the end of the log (an earlier attempt that landed late) is not written again.
   */
  appendEntry(entry: LogEntry, options?: AppendOptions): Promise<WrittenRow>;
  /** Remove the row this pane wrote, only if its content still matches; false when it no longer does. */
  removeEntry(row: WrittenRow): Promise<boolean>;
  /** Read the whole log in chunks. */
  readLog(options?: ReadLogOptions): Promise<LogSnapshot>;
  /** Highlight invalid cells (replacing earlier highlights). */
  markCells(cells: CellRef[]): Promise<void>;
  clearMarks(): Promise<void>;
  /** Select a cell of the log in the grid. */
  selectCell(cell: CellRef): Promise<void>;
  /**
   * Write text into log cells, each only while it still holds its `before` text (masking personal data and its
   * undo). Written as text, never parsed as a formula or number.
   */
  replaceCells(changes: readonly CellChange[]): Promise<ReplaceCellsResult>;
  /** Rewrite every SHOP.* formula in the workbook's cells as native Excel formulas (core/share), in chunks. */
  makeShareable(): Promise<ShareableResult>;
  buildReports(options: ReportBuildOptions): Promise<ReportBuildResult>;
  refreshReports(): Promise<void>;
  /**
   * Record a follow-up outcome on one row, changing only its 跟进情况 (and 下次跟进) cells, and only if the row still
   * holds what the list showed; safe to retry (a row already holding the outcome reports 'alreadyWritten').
   */
  recordFollowUp(write: FollowUpWrite): Promise<FollowUpWriteStatus>;
  /** Merge recognised platform exports into 平台数据 (replace by day) and rebuild the 漏斗 sheet. */
  importPlatform(exports: readonly ParsedExport[], lang: Lang): Promise<PlatformImportResult>;
  /** Insert the 计划 sheet (table 库存计划 with the seed example) unless it is there. */
  insertPlan(lang: Lang): Promise<PlanInsertResult>;
  /** Write a period report grid to its own sheet (replacing that sheet's earlier content), with its charts. */
  writePeriodReport(grid: PeriodGrid): Promise<PeriodSheetResult>;
}
