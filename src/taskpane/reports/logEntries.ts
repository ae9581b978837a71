/**
 * The log as canonical entries for TypeScript summaries: read through the Workbook, each row normalised by the
 * core rules. Rows with errors are left out of the figures (and counted), as they cannot be classified reliably;
 * the Check view lists them.
 */
import { todayIso } from '../../core/dates';
import { defaultListValues, type LogEntry } from '../../core/schema';
import { validateRow } from '../../core/validation';
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
  const ctx = { today: todayIso(), lists };
  const entries: LogEntry[] = [];
  let skipped = 0;
  for (const row of snap.rows) {
    const r = validateRow(row, snap.positions, ctx);
    if (r.entry) entries.push(r.entry);
    else skipped++;
  }
  return { entries, skipped, snapshot: snap };
}
