/** Reports in the in-memory workbook: the same slots as the Office layout, values from the log's rows. */
import { REPORT_IDS, type ReportId } from '../core/reportIds';
import type { Lang } from '../core/schema';
import type { ReportBuildOptions } from '../core/workbook';
import { reportSlots, slotAddress } from '../excel/reportLayout';
import type { MemoryTable } from './MemoryWorkbook';

export interface MemoryReports {
  lang: Lang;
  mode: 'pivot' | 'formula';
  built: ReportId[];
  placed: Partial<Record<ReportId, string>>;
  /** Rows of the log the reports were computed over (a refresh after new rows raises it). */
  sourceRows: number;
}

export function buildMemoryReports(log: MemoryTable, options: ReportBuildOptions): MemoryReports {
  const ids = options.reports ?? [...REPORT_IDS];
  const placed: Partial<Record<ReportId, string>> = {};
  for (const slot of reportSlots(ids)) placed[slot.id] = slotAddress(slot);
  return { lang: options.lang, mode: options.mode, built: [...ids], placed, sourceRows: log.rows.length };
}
