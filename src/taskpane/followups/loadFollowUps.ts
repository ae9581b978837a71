/**
 * The follow-up list behind the 待跟进 view: the log read through the Workbook's chunked reader (one round trip per
 * chunk, the header riding with the first), then filtered in core. No dictionary read: the agent filter offers the
 * agents who have pending rows, plus the one this pane last entered as.
 */
import { dueFollowUps, type FollowUpList } from '../../core/followups';
import type { Workbook } from '../../core/workbook';

export interface LoadOptions {
  today: string;
  /** null: every agent. */
  agent: string | null;
  signal?: AbortSignal;
  chunkRows?: number;
}

export async function loadFollowUps(workbook: Workbook, options: LoadOptions): Promise<FollowUpList> {
  const snap = await workbook.readLog({ signal: options.signal, chunkRows: options.chunkRows });
  return dueFollowUps(snap, options.today, options.agent);
}
