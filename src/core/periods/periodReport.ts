/**
 * A client's 周报 / 月报: the period's headline figures against 环比 and 同比, the eight reports for the period, the
 * no-deal reasons with their change, the follow-up backlog and the data-quality counts. Pure and host-free: the
 * CLI (rows from the store) and the pane (rows from the open workbook) both call periodReport, so they agree.
 */
import { aggregate, type ReportResults } from '../reports/aggregate';
import { FOLLOW_UP_PENDING, NO, YES, type ListValues, type LogEntry } from '../schema';
import { inPeriod, periodOf, previousPeriod, yearAgoPeriod, type Period, type PeriodKind } from './period';

export interface Figures {
  inquiries: number;
  deals: number;
  /** deals ÷ inquiries; null with no inquiries. */
  conversion: number | null;
  amount: number;
  /** 客单价: amount ÷ deals; null with no deals. */
  aov: number | null;
}

export interface Comparison {
  period: Period;
  /** null when the rows do not reach back to this period ("where the store holds it"). */
  figures: Figures | null;
}

export interface ReasonChange {
  reason: string;
  count: number;
  previous: number;
}

export interface BacklogRow {
  date: string;
  agent: string;
  customerId: string;
  product: string;
  nextFollowUp: string | null;
  /** Days past 下次跟进 as of today (0 when due today, negative when still ahead). */
  daysOverdue: number | null;
}

export interface QualityCount {
  /** The kind of error: its code and column, "required:amount" (errorKindLabel puts it in words). */
  code: string;
  rows: number;
}

export interface PeriodReport {
  period: Period;
  current: Figures;
  previous: Comparison;
  yearAgo: Comparison;
  reports: ReportResults;
  noDealReasons: ReasonChange[];
  /** 待跟进 rows dated up to the period's end whose 下次跟进 is today or earlier, most overdue first. */
  backlog: BacklogRow[];
  /** Rows with errors (left out of every figure), by kind of error; as given by the caller. */
  quality: QualityCount[];
}

export interface PeriodReportOptions {
  kind: PeriodKind;
  /** Any date inside the wanted period (ISO). */
  date: string;
  /** The shop's today (ISO), for overdue follow-ups. */
  today: string;
  /** Earliest date the source holds (ISO); default the earliest row date. Comparisons before it are null. */
  heldFrom?: string | null;
  lists?: ListValues;
  quality?: QualityCount[];
}

const cents = (x: number): number => Math.round(x * 100) / 100;

export function figuresOf(rows: readonly LogEntry[], period: Period): Figures {
  let inquiries = 0;
  let deals = 0;
  let amount = 0;
  for (const e of rows) {
    if (!inPeriod(e.date, period)) continue;
    inquiries++;
    if (e.deal === YES) {
      deals++;
      amount += e.amount ?? 0;
    }
  }
  return {
    inquiries,
    deals,
    conversion: inquiries === 0 ? null : deals / inquiries,
    amount: cents(amount),
    aov: deals === 0 ? null : cents(amount / deals),
  };
}

function earliest(rows: readonly LogEntry[]): string | null {
  let min: string | null = null;
  for (const e of rows) if (min === null || e.date < min) min = e.date;
  return min;
}

function compare(rows: readonly LogEntry[], period: Period, heldFrom: string | null): Comparison {
  const held = heldFrom !== null && heldFrom <= period.end;
  return { period, figures: held ? figuresOf(rows, period) : null };
}

function reasonCounts(rows: readonly LogEntry[], period: Period): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of rows) {
    if (e.deal !== NO || !inPeriod(e.date, period)) continue;
    const k = e.noDealReason ?? '';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function periodReport(rows: readonly LogEntry[], options: PeriodReportOptions): PeriodReport {
  const period = periodOf(options.kind, options.date);
  const previous = previousPeriod(period);
  const heldFrom = options.heldFrom === undefined ? earliest(rows) : options.heldFrom;

  const now = reasonCounts(rows, period);
  const before = reasonCounts(rows, previous);
  const noDealReasons = [...new Set([...now.keys(), ...before.keys()])]
    .map((reason) => ({ reason, count: now.get(reason) ?? 0, previous: before.get(reason) ?? 0 }))
    .sort((a, b) => b.count - a.count || b.previous - a.previous || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));

  const backlog: BacklogRow[] = [];
  for (const e of rows) {
    if (e.followUp !== FOLLOW_UP_PENDING || e.date > period.end) continue;
    const daysOverdue = e.nextFollowUp ? daysBetween(e.nextFollowUp, options.today) : null;
    if (daysOverdue !== null && daysOverdue < 0) continue;
    backlog.push({ date: e.date, agent: e.agent, customerId: e.customerId, product: e.product, nextFollowUp: e.nextFollowUp, daysOverdue });
  }
  backlog.sort((a, b) => (b.daysOverdue ?? Infinity) - (a.daysOverdue ?? Infinity) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return {
    period,
    current: figuresOf(rows, period),
    previous: compare(rows, previous, heldFrom),
    yearAgo: compare(rows, yearAgoPeriod(period), heldFrom),
    reports: aggregate(rows, { filter: { from: period.start, to: period.end }, lists: options.lists }),
    noDealReasons,
    backlog,
    quality: options.quality ?? [],
  };
}

/** Relative change (0.1 = +10 %); null when there is nothing to compare with. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return current / previous - 1;
}
