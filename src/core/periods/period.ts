/**
 * Report periods on the shop's calendar dates: ISO weeks (Monday first, week 1 holds the year's first Thursday) and
 * calendar months. Dates are ISO strings and all arithmetic is done on UTC midnights, so no time zone moves a day.
 * 环比 is the previous period of the same kind; 同比 the same period a year earlier (the same ISO week number of
 * the previous ISO year, week 53 falling back to 52 when that year has none; the same month of the previous year).
 */
import { toIso } from '../dates';

export type PeriodKind = 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  /** First day (ISO, inclusive). */
  start: string;
  /** Last day (ISO, inclusive). */
  end: string;
  /** "2026-W01" or "2026-01". */
  label: string;
}

const DAY = 86_400_000;

function utc(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY);
}

/** Monday of the ISO week that holds the date. */
function mondayOf(date: string): number {
  const ms = utc(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return ms - weekday * DAY;
}

/** ISO week-numbering year and week of a date. */
export function isoWeek(date: string): { year: number; week: number } {
  const monday = mondayOf(date);
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { year, week };
}

/** Monday of week 1 of an ISO year: the week holding 4 January. */
function week1Monday(year: number): number {
  return mondayOf(toIso(year, 1, 4));
}

function weeksInIsoYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY));
}

function weekPeriod(year: number, week: number): Period {
  const start = week1Monday(year) + (week - 1) * 7 * DAY;
  return { kind: 'week', start: iso(start), end: iso(start + 6 * DAY), label: `${year}-W${String(week).padStart(2, '0')}` };
}

function monthPeriod(year: number, month: number): Period {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { kind: 'month', start: toIso(year, month, 1), end: toIso(year, month, last), label: `${year}-${String(month).padStart(2, '0')}` };
}

/** The period of a kind that holds the date. */
export function periodOf(kind: PeriodKind, date: string): Period {
  if (kind === 'week') {
    const { year, week } = isoWeek(date);
    return weekPeriod(year, week);
  }
  const [y, m] = date.split('-').map(Number);
  return monthPeriod(y, m);
}

/** 环比: the period just before. */
export function previousPeriod(p: Period): Period {
  return periodOf(p.kind, addDays(p.start, -1));
}

/** 同比: the same week number or month a year earlier. */
export function yearAgoPeriod(p: Period): Period {
  if (p.kind === 'month') {
    const [y, m] = p.start.split('-').map(Number);
    return monthPeriod(y - 1, m);
  }
  const { year, week } = isoWeek(p.start);
  return weekPeriod(year - 1, Math.min(week, weeksInIsoYear(year - 1)));
}

export function inPeriod(date: string, p: Period): boolean {
  return date >= p.start && date <= p.end;
}

/** "2026-W01", "2026-01" or a date: the period a `--date` argument names; null when it names none. */
export function parsePeriodDate(kind: PeriodKind, text: string): string | null {
  const t = text.trim();
  const week = /^(\d{4})-?W(\d{1,2})$/i.exec(t);
  if (week) {
    const [y, w] = [Number(week[1]), Number(week[2])];
    return w >= 1 && w <= weeksInIsoYear(y) && kind === 'week' ? weekPeriod(y, w).start : null;
  }
  const month = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return m >= 1 && m <= 12 && kind === 'month' ? toIso(y, m, 1) : null;
  }
  const day = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (!day) return null;
  const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const out = toIso(y, m, d);
  return iso(utc(out)) === out ? out : null;
}
