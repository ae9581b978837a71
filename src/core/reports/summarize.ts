/**
 * The pane's summary: inquiries, deals, conversion and amount for today, the last 7 and the last 30 days (each
 * window ends today and includes it), plus the top no-deal reasons of the last 30 days. One pass over the rows.
 */
import { isoToSerial, serialToIso } from '../dates';
import { NO, YES, type LogEntry } from '../schema';
import { BLANK_KEY } from './definitions';

export interface SummaryFigures {
  inquiries: number;
  deals: number;
  /** deals ÷ inquiries; null with no inquiries. */
  conversion: number | null;
  amount: number;
}

export interface ReasonShare {
  key: string;
  count: number;
  /** Share of all 否 rows in the window. */
  share: number;
}

export interface Summary {
  today: SummaryFigures;
  last7: SummaryFigures;
  last30: SummaryFigures;
  /** Largest first (ties in key order), at most `topReasons` of them. */
  topNoDealReasons: ReasonShare[];
}

export const WINDOW_DAYS = { today: 1, last7: 7, last30: 30 } as const;

/** First ISO date of a window of `days` days ending on `today`. */
export function windowStart(today: string, days: number): string {
  return serialToIso(isoToSerial(today) - (days - 1));
}

export function summarize(rows: readonly LogEntry[], today: string, topReasons = 3): Summary {
  const start7 = windowStart(today, WINDOW_DAYS.last7);
  const start30 = windowStart(today, WINDOW_DAYS.last30);
  const sums = { today: [0, 0, 0], last7: [0, 0, 0], last30: [0, 0, 0] };
  const reasons = new Map<string, number>();
  let noDeals = 0;

  for (let i = 0; i < rows.length; i++) {
    const e = rows[i];
    const d = e.date;
    // Rows dated after today (a typo the check flags) stay out of every window.
    if (d < start30 || d > today) continue;
    const deal = e.deal === YES ? 1 : 0;
    const amount = e.amount ?? 0;
    addTo(sums.last30, deal, amount);
    if (d >= start7) addTo(sums.last7, deal, amount);
    if (d === today) addTo(sums.today, deal, amount);
    if (e.deal === NO) {
      noDeals++;
      const k = e.noDealReason ?? BLANK_KEY;
      reasons.set(k, (reasons.get(k) ?? 0) + 1);
    }
  }

  const topNoDealReasons = [...reasons.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, topReasons)
    .map(([key, count]) => ({ key, count, share: count / noDeals }));
  return { today: figures(sums.today), last7: figures(sums.last7), last30: figures(sums.last30), topNoDealReasons };
}

function addTo(s: number[], deal: number, amount: number): void {
  s[0]++;
  s[1] += deal;
  s[2] += amount;
}

function figures([inquiries, deals, amount]: number[]): SummaryFigures {
  return { inquiries, deals, conversion: inquiries === 0 ? null : deals / inquiries, amount: Math.round(amount * 100) / 100 };
}
