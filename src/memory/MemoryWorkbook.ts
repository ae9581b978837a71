/**
 * The `Workbook` interface over plain arrays: the browser demo and the pane tests run on it.
 * It follows the Office implementation's decisions through core/templatePlan (same template, repair and
 * ambiguity results) and stores cells the way Excel returns them (dates as serials, blanks as "").
 */
import type { PeriodGrid } from '../core/periods/periodSheet';
import { fill } from '../core/i18n';
import { workbookText } from '../core/i18n/workbook';
import { RETRY_TAIL_ROWS, entryCell, isBlankRow, lastMatchingRow, rowMatchesEntry, type CellValue } from '../core/logCells';
import {
  CALC_KEYS, COLUMNS, DICT_SHEET, LISTS, LIST_KEYS, LOG_TABLE, META_TABLE, REPORT_SHEET, calcFormula, calcValue, defaultListValues, isCalcKey, listRefersTo,
  keyForHeader, mapHeaders, type ColumnKey, type Lang, type ListValues, type LogEntry,
} from '../core/schema';
import {
  columnHeader, listHeader, metaFromRows, metaHeaders, metaRows, planResult, planTemplate, type WorkbookShape,
} from '../core/templatePlan';
import {
  WorkbookError, type AppendOptions, type CellRef, type LogSnapshot, type ReadLogOptions, type ReportBuildOptions, type ReportBuildResult,
  type TemplateOptions, type TemplateResult, type Workbook, type WorkbookErrorCode, type WorkbookState, type WrittenRow, type PeriodSheetResult, type ReplaceCellsResult, type ShareableResult,
} from '../core/workbook';
import type { CellChange } from '../core/mask/maskColumns';
import { mentionsShop, shareFormula } from '../core/share/shareFormula';
import { outcomeCells, rowState, type FollowUpWrite, type FollowUpWriteStatus } from '../core/followups';
import { buildMemoryReports, type MemoryReports } from './memoryReports';
import { funnelLogFromSnapshot } from '../core/platform/funnelLog';
import type { ParsedExport, PlanInsertResult, PlatformImportResult } from '../core/platform/workbookTypes';
import { memoryImportPlatform, memoryInsertPlan } from './memoryPlatform';

export interface MemoryTable {
  name: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
  /** Number format per column. */
  formats: string[];
  /** Calculated-column formula per column (null for plain columns). */
  formulas: Array<string | null>;
}

export interface MemorySnapshot {
  sheets: string[];
  tables: string[];
  names: Record<string, string>;
  log: { headers: string[]; rows: CellValue[][] } | null;
  marks: CellRef[];
  selected: CellRef | null;
  reports: MemoryReports | null;
}

export interface MemoryWorkbookOptions {
  /** Simulated round-trip delay per call (the demo uses it to show progress and busy states). */
  latencyMs?: number;
  /** Whether the simulated host has the PivotTable API (ExcelApi 1.8). */
  pivotSupported?: boolean;
}

const DEFAULT_CHUNK = 5000;

export class MemoryWorkbook implements Workbook {
  readonly sheets: string[] = [];
  /** Sheets holding content that is not one of the tables (tests mark a sheet as used). */
  readonly nonEmptySheets: string[] = [];
  readonly tables: MemoryTable[] = [];
  readonly names = new Map<string, string>();
  /** Mutations applied (a repeat insert of a complete template makes none). */
  writes = 0;
  private marks: CellRef[] = [];
  private selected: CellRef | null = null;
  private reports: MemoryReports | null = null;
  /** Period report sheets (本周报告 / 本月报告) as written: the grid and its charts. */
  readonly periodSheets = new Map<string, PeriodGrid>();
  private failures: Array<WorkbookErrorCode> = [];
  private listeners = new Set<() => void>();
  private readonly latencyMs: number;
  private readonly pivotSupported: boolean;

  constructor(options: MemoryWorkbookOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.pivotSupported = options.pivotSupported ?? true;
  }

  // ---------------------------------------------------------------- test and demo hooks

  /** The next n writes (append, remove, insert) fail with this code. */
  failNext(n: number, code: WorkbookErrorCode = 'busy'): void {
    for (let i = 0; i < n; i++) this.failures.push(code);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fill the log with entries or raw rows (cells in the log's header order); inserts the template if needed. */
  async seed(rows: ReadonlyArray<LogEntry> | ReadonlyArray<readonly unknown[]>, lang: Lang = 'zh-CN'): Promise<void> {
    if (!this.table(LOG_TABLE)) await this.insertTemplate({ lang });
    const log = this.table(LOG_TABLE)!;
    const positions = mapHeaders(log.headers).positions;
    for (const r of rows) {
      const cells = Array.isArray(r) ? log.headers.map((_, i) => toCell((r as readonly unknown[])[i])) : this.entryRow(log, r as LogEntry);
      computeCalc(cells, positions);
      log.rows.push(cells);
    }
    this.changed();
  }

  snapshot(): MemorySnapshot {
    const log = this.table(LOG_TABLE);
    return {
      sheets: [...this.sheets],
      tables: this.tables.map((t) => t.name),
      names: Object.fromEntries(this.names),
      log: log ? { headers: [...log.headers], rows: log.rows.map((r) => [...r]) } : null,
      marks: [...this.marks],
      selected: this.selected,
      reports: this.reports,
    };
  }

  table(name: string): MemoryTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  // ---------------------------------------------------------------- Workbook

  async getState(): Promise<WorkbookState> {
    await this.roundTrip();
    const log = this.table(LOG_TABLE);
    const meta = this.meta();
    const version = meta ? Number(meta.version) : NaN;
    return {
      host: 'memory',
      templatePresent: Boolean(log),
      templateVersion: Number.isFinite(version) ? version : null,
      agency: meta?.agency?.trim() || null,
      client: meta?.client?.trim() || null,
      logRows: log ? log.rows.length : 0,
      pivotSupported: this.pivotSupported,
    };
  }

  async insertTemplate(options: TemplateOptions): Promise<TemplateResult> {
    await this.roundTrip();
    const plan = planTemplate(this.shape(), options);
    if (plan.status === 'ambiguous' || plan.status === 'unchanged') return planResult(plan);
    this.takeFailure();
    for (const s of plan.createSheets) this.sheets.push(s);
    const log = plan.log!;
    if (log.action === 'create') {
      this.tables.push({
        name: LOG_TABLE,
        sheet: log.sheet,
        headers: COLUMNS.map((c) => columnHeader(c.key, log.lang)),
        rows: [],
        formats: COLUMNS.map((c) => c.numberFormat),
        formulas: COLUMNS.map((c) => (isCalcKey(c.key) ? calcFormula(c.key, log.lang) : null)),
      });
    } else {
      const t = this.table(log.table.name)!;
      if (log.renameTo) t.name = log.renameTo;
      for (const key of log.missing) {
        const def = COLUMNS.find((c) => c.key === key)!;
        t.headers.push(columnHeader(key, log.lang));
        t.formats.push(def.numberFormat);
        t.formulas.push(isCalcKey(key) ? calcFormula(key, [...t.headers], t.name) : null);
        for (const r of t.rows) r.push('');
      }
      const positions = mapHeaders(t.headers).positions;
      for (const r of t.rows) computeCalc(r, positions);
    }
    for (const k of plan.lists) {
      this.tables.push({
        name: LISTS[k].tableName, sheet: DICT_SHEET, headers: [listHeader(k, options.lang)],
        rows: LISTS[k].items.map((i) => [i.value]), formats: ['@'], formulas: [null],
      });
    }
    for (const k of plan.names) {
      const dict = this.table(LISTS[k].tableName);
      const lang: Lang = dict && dict.headers[0] === LISTS[k].en ? 'en-US' : options.lang;
      this.names.set(LISTS[k].rangeName, listRefersTo(k, lang));
    }
    if (plan.stampMeta) {
      const old = this.tables.findIndex((t) => t.name === META_TABLE);
      if (old >= 0) this.tables.splice(old, 1);
      this.tables.push({
        name: META_TABLE, sheet: DICT_SHEET, headers: metaHeaders(options.lang), rows: metaRows(options.lang).map((r) => [...r]),
        formats: ['@', '@'], formulas: [null, null],
      });
    }
    this.writes++;
    this.changed();
    return planResult(plan);
  }

  async readLists(): Promise<ListValues> {
    await this.roundTrip();
    const out = defaultListValues();
    for (const k of LIST_KEYS) {
      const t = this.table(LISTS[k].tableName);
      if (t) out[k] = t.rows.map((r) => String(r[0] ?? '').trim()).filter((v) => v !== '');
    }
    return out;
  }

  async appendEntry(entry: LogEntry, options: AppendOptions = {}): Promise<WrittenRow> {
    await this.roundTrip();
    this.takeFailure();
    const log = this.requireLog();
    const positions = mapHeaders(log.headers).positions;
    if (options.retry) {
      const first = Math.max(0, log.rows.length - RETRY_TAIL_ROWS);
      const found = lastMatchingRow(log.rows.slice(first), positions, entry);
      if (found !== null) return { rowIndex: first + found, sheetRow: first + found + 2, entry };
    }
    const cells = this.entryRow(log, entry);
    computeCalc(cells, positions);
    log.rows.push(cells);
    this.writes++;
    this.changed();
    const rowIndex = log.rows.length - 1;
    return { rowIndex, sheetRow: rowIndex + 2, entry };
  }

  async removeEntry(row: WrittenRow): Promise<boolean> {
    await this.roundTrip();
    this.takeFailure();
    const log = this.requireLog();
    const cells = log.rows[row.rowIndex];
    if (!cells || !rowMatchesEntry(cells, mapHeaders(log.headers).positions, row.entry)) return false;
    log.rows.splice(row.rowIndex, 1);
    this.writes++;
    this.changed();
    return true;
  }

  async readLog(options: ReadLogOptions = {}): Promise<LogSnapshot> {
    await this.roundTrip();
    const log = this.requireLog();
    const positions = mapHeaders(log.headers).positions;
    let total = log.rows.length;
    while (total > 0 && isBlankRow(log.rows[total - 1], positions)) total--;
    const chunk = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK);
    const rows: unknown[][] = [];
    options.onProgress?.(0, total);
    for (let start = 0; start < total; start += chunk) {
      if (options.signal?.aborted) throw new WorkbookError('cancelled', workbookText.errCancelled);
      const end = Math.min(total, start + chunk);
      for (let i = start; i < end; i++) rows.push([...log.rows[i]]);
      options.onProgress?.(end, total);
      // Give the page a turn between chunks, as the Office implementation does between round trips.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    if (options.signal?.aborted) throw new WorkbookError('cancelled', workbookText.errCancelled);
    return { headers: [...log.headers], positions, rows, firstSheetRow: 2 };
  }

  async markCells(cells: CellRef[]): Promise<void> {
    await this.roundTrip();
    this.requireLog();
    this.marks = cells.map((c) => ({ rowIndex: c.rowIndex, key: c.key }));
    this.changed();
  }

  async clearMarks(): Promise<void> {
    await this.roundTrip();
    this.marks = [];
    this.changed();
  }

  async selectCell(cell: CellRef): Promise<void> {
    await this.roundTrip();
    const log = this.requireLog();
    if (mapHeaders(log.headers).positions[cell.key] === undefined) throw new WorkbookError('tableMissing', fill(workbookText.errTableMissing, { table: LOG_TABLE }), false);
    this.selected = { rowIndex: cell.rowIndex, key: cell.key };
    this.changed();
  }
  /** The in-memory workbook keeps formulas as '=' text in table cells and as calculated-column formulas. */
  async makeShareable(): Promise<ShareableResult> {
    await this.roundTrip();
    this.takeFailure();
    const result: ShareableResult = { formulas: 0, replaced: {}, unconverted: [] };
    const convert = (sheet: string, address: string, f: string): string | null => {
      if (!f.startsWith('=') || !mentionsShop(f)) return null;
      const shared = shareFormula(f.slice(1));
      if (shared.problem) {
        result.unconverted.push({ sheet, address, formula: f, reason: shared.problem.reason, name: shared.problem.name });
        return null;
      }
      result.formulas++;
      for (const [id, n] of Object.entries(shared.replaced)) result.replaced[id as keyof ShareableResult['replaced']] = (result.replaced[id as keyof ShareableResult['replaced']] ?? 0) + (n ?? 0);
      return `=${shared.formula}`;
    };
    for (const table of this.tables) {
      table.formulas = table.formulas.map((f, c) => (f === null ? f : (convert(table.sheet, `${table.name}[${table.headers[c]}]`, f) ?? f)));
      table.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v !== 'string') return;
          const next = convert(table.sheet, `${table.name}[${table.headers[c]}] #${r + 1}`, v);
          if (next !== null) row[c] = next;
        }),
      );
    }
    if (result.formulas > 0) {
      this.writes++;
      this.changed();
    }
    return result;
  }

  async replaceCells(changes: readonly CellChange[]): Promise<ReplaceCellsResult> {
    await this.roundTrip();
    this.takeFailure();
    const log = this.requireLog();
    const positions = mapHeaders(log.headers).positions;
    let written = 0;
    for (const c of changes) {
      const at = positions[c.key];
      const row = log.rows[c.rowIndex];
      if (at === undefined || !row || row[at] !== c.before) continue;
      row[at] = c.after;
      written++;
    }
    if (written > 0) {
      this.writes++;
      this.changed();
    }
    return { written, skipped: changes.length - written };
  }


  async buildReports(options: ReportBuildOptions): Promise<ReportBuildResult> {
    await this.roundTrip();
    const log = this.requireLog();
    if (options.mode === 'pivot' && !this.pivotSupported) {
      throw new WorkbookError('notSupported', fill(workbookText.errNotSupported, { set: 'ExcelApi 1.8' }), false);
    }
    if (!this.sheets.includes(REPORT_SHEET)) this.sheets.push(REPORT_SHEET);
    this.reports = buildMemoryReports(log, await this.readLists(), options);
    this.writes++;
    this.changed();
    return { mode: options.mode, built: [...this.reports.built], placed: { ...this.reports.placed } };
  }

  async refreshReports(): Promise<void> {
    await this.roundTrip();
    if (!this.reports) return;
    const log = this.requireLog();
    this.reports = buildMemoryReports(log, await this.readLists(), { lang: this.reports.lang, mode: this.reports.mode, reports: this.reports.built });
    this.changed();
  }

  async recordFollowUp(write: FollowUpWrite): Promise<FollowUpWriteStatus> {
    await this.roundTrip();
    this.takeFailure();
    const log = this.requireLog();
    const positions = mapHeaders(log.headers).positions;
    const cells = log.rows[write.rowIndex];
    const state = rowState(cells, positions, write);
    if (state === 'after') return 'alreadyWritten';
    if (state === 'other') return 'changed';
    for (const [key, value] of Object.entries(outcomeCells(write))) {
      const at = positions[key as ColumnKey];
      if (at !== undefined && value !== undefined) cells[at] = value;
    }
    this.writes++;
    this.changed();
    return 'written';
  }

  async importPlatform(exports: readonly ParsedExport[], lang: Lang): Promise<PlatformImportResult> {
    await this.roundTrip();
    this.takeFailure();
    const log = this.table(LOG_TABLE) ? funnelLogFromSnapshot(await this.readLog()) : [];
    const result = memoryImportPlatform(this, exports, lang, log);
    this.writes++;
    this.changed();
    return result;
  }

  async insertPlan(lang: Lang): Promise<PlanInsertResult> {
    await this.roundTrip();
    this.takeFailure();
    const result = memoryInsertPlan(this, lang);
    if (result.status === 'inserted') {
      this.writes++;
      this.changed();
    }
    return result;
  }

  async writePeriodReport(grid: PeriodGrid): Promise<PeriodSheetResult> {
    await this.roundTrip();
    this.takeFailure();
    if (!this.sheets.includes(grid.sheetName)) this.sheets.push(grid.sheetName);
    this.periodSheets.set(grid.sheetName, grid);
    this.writes++;
    this.changed();
    return { sheet: grid.sheetName, rows: grid.values.length, charts: grid.charts.length };
  }

  // ---------------------------------------------------------------- internals

  private shape(): WorkbookShape {
    const meta = this.table(META_TABLE);
    return {
      sheets: [...this.sheets],
      nonEmptySheets: [...new Set([...this.nonEmptySheets, ...this.tables.map((t) => t.sheet)])],
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet, headers: [...t.headers] })),
      names: [...this.names.keys()],
      meta: meta ? metaFromRows(meta.rows) : null,
    };
  }

  private meta(): Record<string, string> | null {
    const meta = this.table(META_TABLE);
    return meta ? metaFromRows(meta.rows) : null;
  }

  private requireLog(): MemoryTable {
    const log = this.table(LOG_TABLE);
    if (!log) throw new WorkbookError('tableMissing', fill(workbookText.errTableMissing, { table: LOG_TABLE }), false);
    return log;
  }

  private entryRow(log: MemoryTable, entry: LogEntry): CellValue[] {
    return log.headers.map((h) => {
      const k = keyForHeader(h);
      if (!k || isCalcKey(k)) return '';
      return entryCell(entry, k);
    });
  }

  private takeFailure(): void {
    const code = this.failures.shift();
    if (!code) return;
    const text =
      code === 'timeout' ? fill(workbookText.errTimeout, { seconds: 30 })
      : code === 'busy' ? workbookText.errBusy
      : code === 'tableMissing' ? fill(workbookText.errTableMissing, { table: LOG_TABLE })
      : code === 'cancelled' ? workbookText.errCancelled
      : fill(workbookText.errWriteFailed, { detail: code });
    throw new WorkbookError(code, text);
  }

  private async roundTrip(): Promise<void> {
    if (this.latencyMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, this.latencyMs));
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}

function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** What the calculated columns show (the schema computes them as their formulas do). */
function computeCalc(cells: CellValue[], positions: Partial<Record<ColumnKey, number>>): void {
  const cell = (k: ColumnKey) => (positions[k] !== undefined ? cells[positions[k]!] : '');
  for (const key of CALC_KEYS) {
    const at = positions[key];
    if (at !== undefined) cells[at] = calcValue(key, cell);
  }
}
