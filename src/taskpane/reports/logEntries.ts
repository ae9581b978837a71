/**
 * The log as canonical entries for TypeScript summaries: read through the Workbook, each row normalised by the
 * core log check. Rows with errors are left out of the figures (and counted), as they cannot be classified
 * reliably; rows whose only problems are warnings count. The Check view lists both.
 */
import { todayIso } from '../../core/dates';
import { defaultListValues, type LogEntry } from '../../core/schema';
import { checkLog } from '../../core/validation';
import type { LogSnapshot, Workbook } from '../../core/workbook';

export interface LogEntries {
  entries: LogEntry[];
  skipped: number;
  /** The rows as read (Home counts the follow-ups due from them, invalid rows included). */
  snapshot: LogSnapshot;
}

export async function readEntries(workbook: Workbook, signal?: AbortSignal): Promise<LogEntries> {
  const lists = await workbook.readLists().catch(() => defaultListValues());
  const snap = await workbook.readLog({ signal });
  const { entries } = checkLog(snap.rows, snap.positions, { today: todayIso(), lists, warnings: false });
  const skipped = snap.rows.length - entries.length;
  return { entries, skipped, snapshot: snap };
}
