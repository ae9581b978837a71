/** Home's summary: inquiries, deals, conversion and amount for today / 7 / 30 days, and the top no-deal reasons. */
import { isoToSerial, serialToIso } from '../../core/dates';
import { aggregate, reportTotal, type ReportRow } from '../../core/reports/aggregate';
import type { LogEntry } from '../../core/schema';

export interface PeriodFigures {
  days: 1 | 7 | 30;
  inquiries: number;
  deals: number;
  conversion: number | null;
  amount: number;
}

export interface PaneSummary {
  periods: PeriodFigures[];
  /** Over the last 30 days, most frequent first. */
  topReasons: ReportRow[];
}

function daysBefore(iso: string, n: number): string {
  return serialToIso(isoToSerial(iso) - n);
}

export function paneSummary(entries: readonly LogEntry[], today: string, topN = 3): PaneSummary {
  const periods = ([1, 7, 30] as const).map((days) => {
    const res = aggregate(entries, { filter: { from: daysBefore(today, days - 1), to: today } });
    const total = reportTotal('channel', res.channel);
    return { days, inquiries: total.inquiries ?? 0, deals: total.deals ?? 0, conversion: total.conversion ?? null, amount: total.amount ?? 0 };
  });
  const month = aggregate(entries, { filter: { from: daysBefore(today, 29), to: today } });
  const topReasons = month.noDealReasons.filter((r) => (r.count ?? 0) > 0).slice(0, topN);
  return { periods, topReasons };
}
