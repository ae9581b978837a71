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
  /** Every no-deal reason of the last 30 days with a count, most frequent first (the Pareto chart). */
  reasons: ReportRow[];
  /** The last 30 days, oldest first, days without inquiries included (the trend line). */
  days: DayFigures[];
}

export interface DayFigures {
  day: string;
  inquiries: number;
  deals: number;
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
  const reasons = month.noDealReasons.filter((r) => (r.count ?? 0) > 0);
  const byDay = new Map(month.daily.map((r) => [r.key, r]));
  const days = Array.from({ length: 30 }, (_, i) => {
    const day = daysBefore(today, 29 - i);
    const r = byDay.get(day);
    return { day, inquiries: r?.inquiries ?? 0, deals: r?.deals ?? 0 };
  });
  return { periods, topReasons: reasons.slice(0, topN), reasons, days };
}
