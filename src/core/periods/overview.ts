/**
 * The agency's overview: one row per client for a period — inquiries, conversion and amount with their change
 * against the previous period, the client's last entry date and its rows with errors — sorted by the largest
 * conversion drop first (clients without a comparable conversion after those with one, by name).
 */
import type { LogEntry } from '../schema';
import { figuresOf, type Figures } from './periodReport';
import { periodOf, previousPeriod, type Period, type PeriodKind } from './period';

export interface ClientRows {
  client: string;
  /** Valid rows of the client (at least those of the period and the one before). */
  rows: readonly LogEntry[];
  /** Latest date among the client's rows without errors (a typo in a date must not hide a stale client); null when none. */
  lastEntry: string | null;
  errorRows: number;
}

export interface OverviewRow {
  client: string;
  current: Figures;
  previous: Figures;
  /** Conversion now minus conversion before (percentage points as a fraction); null when either is missing. */
  conversionChange: number | null;
  lastEntry: string | null;
  /** Days from the last entry to the period's end (or to today when that is earlier); large = stale. */
  daysSinceLastEntry: number | null;
  errorRows: number;
}

export interface Overview {
  period: Period;
  previous: Period;
  clients: OverviewRow[];
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function overview(clients: readonly ClientRows[], kind: PeriodKind, date: string, today: string): Overview {
  const period = periodOf(kind, date);
  const previous = previousPeriod(period);
  const asOf = today < period.end ? today : period.end;
  const rows = clients.map((c): OverviewRow => {
    const current = figuresOf(c.rows, period);
    const before = figuresOf(c.rows, previous);
    const conversionChange = current.conversion === null || before.conversion === null ? null : current.conversion - before.conversion;
    return {
      client: c.client,
      current,
      previous: before,
      conversionChange,
      lastEntry: c.lastEntry,
      daysSinceLastEntry: c.lastEntry === null ? null : days(c.lastEntry, asOf),
      errorRows: c.errorRows,
    };
  });
  rows.sort((a, b) => {
    if (a.conversionChange === null || b.conversionChange === null) {
      if (a.conversionChange !== b.conversionChange) return a.conversionChange === null ? 1 : -1;
    } else if (a.conversionChange !== b.conversionChange) return a.conversionChange - b.conversionChange;
    return a.client < b.client ? -1 : a.client > b.client ? 1 : 0;
  });
  return { period, previous, clients: rows };
}
