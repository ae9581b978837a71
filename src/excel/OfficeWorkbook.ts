/**
 * The `Workbook` interface over Office.js. Each action lives in its own module and takes the serialised, timed-out
 * run function, so tests drive the same code with a counting fake context.
 */
import type { ListValues, LogEntry } from '../core/schema';
import type {
  AppendOptions, CellRef, LogSnapshot, ReplaceCellsResult, ShareableResult, ReadLogOptions, ReportBuildOptions, ReportBuildResult, TemplateOptions, TemplateResult, Workbook, WorkbookState, WrittenRow,
} from '../core/workbook';
import type { FollowUpWrite, FollowUpWriteStatus } from '../core/followups';
import { appendEntry, removeEntry } from './entries';
import { recordFollowUp } from './followups';
import type { LogLayout } from './layout';
import { readLog } from './log';
import { clearMarks, markCells } from './marks';
import { getState, readLists } from './meta';
import { buildReports, refreshReports } from './reports';
import { capabilities, officeIsSetSupported, type Capabilities, type IsSetSupported } from './requirements';
import { createQueue, excelRun, type QueueOptions, type RunFn } from './run';
import { selectCell } from './select';
import { replaceCells } from './replaceCells';
import { makeShareable } from './shareable';
import type { CellChange } from '../core/mask/maskColumns';
import { insertTemplate } from './template';
import { importPlatform, insertPlan } from './platform';
import { funnelLogFromSnapshot } from '../core/platform/funnelLog';
import type { ParsedExport, PlanInsertResult, PlatformImportResult } from '../core/platform/workbookTypes';
import type { Lang } from '../core/schema';
import { WorkbookError, type PeriodSheetResult } from '../core/workbook';
import type { PeriodGrid } from '../core/periods/periodSheet';
import { writePeriodReport } from './periodReport';

export interface OfficeWorkbookOptions extends QueueOptions {
  /** The context factory: Excel.run by default, a fake in tests. */
  run?: RunFn;
  isSetSupported?: IsSetSupported;
}

export class OfficeWorkbook implements Workbook {
  private readonly run: RunFn;
  private readonly options: OfficeWorkbookOptions;
  private caps: Capabilities | null = null;
  /** The log's place, from the last read; marking and selecting use it to stay at one round trip. */
  private layout: LogLayout | null = null;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.options = options;
    this.run = createQueue(options.run ?? excelRun, options);
  }

  private capabilities(): Capabilities {
    if (!this.caps) this.caps = capabilities(this.options.isSetSupported ?? officeIsSetSupported());
    return this.caps;
  }

  getState(): Promise<WorkbookState> {
    return getState(this.run, this.capabilities());
  }

  async insertTemplate(options: TemplateOptions): Promise<TemplateResult> {
    const result = await insertTemplate(this.run, options, this.capabilities());
    this.layout = null;
    return result;
  }

  readLists(): Promise<ListValues> {
    return readLists(this.run);
  }

  async appendEntry(entry: LogEntry, options?: AppendOptions): Promise<WrittenRow> {
    return appendEntry(this.run, entry, this.capabilities(), options);
  }

  async removeEntry(row: WrittenRow): Promise<boolean> {
    return removeEntry(this.run, row);
  }

  async readLog(options?: ReadLogOptions): Promise<LogSnapshot> {
    const result = await readLog(this.run, options);
    this.layout = result.layout;
    return result.snapshot;
  }

  async markCells(cells: CellRef[]): Promise<void> {
    this.layout = await markCells(this.run, cells, this.layout);
  }

  clearMarks(): Promise<void> {
    return clearMarks(this.run);
  }

  async selectCell(cell: CellRef): Promise<void> {
    this.layout = await selectCell(this.run, cell, this.layout);
  }
  async replaceCells(changes: readonly CellChange[]): Promise<ReplaceCellsResult> {
    return replaceCells(this.run, changes);
  }

  async makeShareable(): Promise<ShareableResult> {
    return makeShareable(this.run);
  }


  buildReports(options: ReportBuildOptions): Promise<ReportBuildResult> {
    return buildReports(this.run, options, this.capabilities());
  }

  refreshReports(): Promise<void> {
    return refreshReports(this.run, this.capabilities());
  }

  recordFollowUp(write: FollowUpWrite): Promise<FollowUpWriteStatus> {
    return recordFollowUp(this.run, write);
  }

  async importPlatform(exports: readonly ParsedExport[], lang: Lang): Promise<PlatformImportResult> {
    // The reconciliation counts the log; a workbook without a log still gets its platform tables and funnel.
    let log: ReturnType<typeof funnelLogFromSnapshot> = [];
    try {
      log = funnelLogFromSnapshot(await this.readLog());
    } catch (e) {
      if (!(e instanceof WorkbookError) || (e.code !== 'tableMissing' && e.code !== 'noTemplate')) throw e;
    }
    return importPlatform(this.run, exports, lang, log);
  }

  insertPlan(lang: Lang): Promise<PlanInsertResult> {
    return insertPlan(this.run, lang, this.capabilities());
  }

  writePeriodReport(grid: PeriodGrid): Promise<PeriodSheetResult> {
    return writePeriodReport(this.run, grid);
  }
}
