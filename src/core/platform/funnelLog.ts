/** The log columns the funnel counts, taken from a log snapshot (cells as Excel returns them: dates as serials). */
import { serialToIso } from '../dates';
import type { LogSnapshot } from '../workbook';
import type { FunnelData } from './funnel';

export function funnelLogFromSnapshot(snapshot: LogSnapshot): FunnelData['log'] {
  const p = snapshot.positions;
  const at = (row: unknown[], i: number | undefined) => (i === undefined ? '' : row[i]);
  const out: FunnelData['log'][number][] = [];
  for (const row of snapshot.rows) {
    const d = at(row, p.date);
    const date = typeof d === 'number' ? serialToIso(d) : typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : '';
    if (!date) continue;
    out.push({ date, agent: String(at(row, p.agent) ?? ''), channel: String(at(row, p.channel) ?? ''), product: String(at(row, p.product) ?? ''), deal: String(at(row, p.deal) ?? '') });
  }
  return out;
}
