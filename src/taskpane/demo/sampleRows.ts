/**
 * Sample log rows for the browser demo, deterministic from a seed, with optional planted errors at known rows.
 * Every unplanted row is valid under the core rules; each planted row breaks exactly one field, so a check of the
 * demo log can be compared with the planted set exactly.
 */
import { isoToSerial, serialToIso, todayIso } from '../../core/dates';
import { defaultListValues, FOLLOW_UP_PENDING, NO, YES, type InputKey, type LogEntry } from '../../core/schema';
import { seededRandom } from '../../core/random';

/** Deterministic PRNG so a seed always gives the same rows. */
export const rng = seededRandom;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function addDays(iso: string, days: number): string {
  return serialToIso(isoToSerial(iso) + days);
}

export function sampleRow(r: () => number, index: number, today: string): LogEntry {
  const lists = defaultListValues();
  const date = addDays(today, -Math.floor(r() * 60));
  const deal = r() < 0.35 ? YES : NO;
  const base = {
    date,
    agent: pick(r, lists.agent),
    // Unique per row, so the sample has no possible-duplicate warnings.
    customerId: `tb_${(100000 + index).toString(36)}`,
    customerType: pick(r, lists.customerType),
    newOrReturning: pick(r, lists.newOrReturning),
    channel: pick(r, lists.channel),
    region: pick(r, lists.region),
    product: pick(r, lists.product),
    note: null,
  };
  if (deal === YES) {
    const quantity = 1 + Math.floor(r() * 20);
    const amount = Math.round(quantity * (30 + r() * 70) * 100) / 100;
    return { ...base, quantity, amount, deal, dealType: pick(r, lists.dealType), noDealReason: null, followUp: null, nextFollowUp: null };
  }
  const followUp = pick(r, lists.followUp);
  return {
    ...base,
    quantity: null,
    amount: null,
    deal,
    dealType: null,
    noDealReason: pick(r, lists.noDealReason),
    followUp,
    nextFollowUp: followUp === FOLLOW_UP_PENDING ? addDays(date, 1 + Math.floor(r() * 7)) : null,
  };
}

export interface PlantedError {
  /** 0-based data row. */
  rowIndex: number;
  /** The one field that row breaks. */
  key: InputKey;
  kind: string;
}

/** A valid deal row to break; planting starts from it so exactly one rule fails. */
function dealRow(row: LogEntry): LogEntry {
  return { ...row, deal: YES, quantity: 2, amount: 120, dealType: '零售', noDealReason: null, followUp: null, nextFollowUp: null };
}

function noDealRow(row: LogEntry): LogEntry {
  return { ...row, deal: NO, quantity: null, amount: null, dealType: null, noDealReason: '价格高', followUp: '已跟进', nextFollowUp: null };
}

type Plant = { key: InputKey; kind: string; apply(row: LogEntry, today: string): LogEntry };

const PLANTS: readonly Plant[] = [
  { key: 'region', kind: 'regionNotInList', apply: (row) => ({ ...dealRow(row), region: '火星' }) },
  { key: 'date', kind: 'futureDate', apply: (row, today) => ({ ...dealRow(row), date: addDays(today, 10) }) },
  { key: 'quantity', kind: 'negativeQuantity', apply: (row) => ({ ...dealRow(row), quantity: -2 }) },
  { key: 'agent', kind: 'missingAgent', apply: (row) => ({ ...dealRow(row), agent: '' }) },
  { key: 'noDealReason', kind: 'noDealWithoutReason', apply: (row) => ({ ...noDealRow(row), noDealReason: null }) },
  { key: 'amount', kind: 'dealWithoutAmount', apply: (row) => ({ ...dealRow(row), amount: 0 }) },
  { key: 'customerId', kind: 'customerIdTooLong', apply: (row) => ({ ...dealRow(row), customerId: 'x'.repeat(70) }) },
  { key: 'dealType', kind: 'noDealWithDealType', apply: (row) => ({ ...noDealRow(row), dealType: '零售' }) },
  {
    key: 'nextFollowUp',
    kind: 'nextBeforeDate',
    apply: (row) => ({ ...noDealRow(row), followUp: FOLLOW_UP_PENDING, nextFollowUp: addDays(row.date, -3) }),
  },
  { key: 'customerType', kind: 'customerTypeNotInList', apply: (row) => ({ ...dealRow(row), customerType: 'VIP' }) },
];

export interface SampleOptions {
  seed?: number;
  /** Plant one error every `plantEvery` rows (0 = none). */
  plantEvery?: number;
  today?: string;
}

export function sampleRows(n: number, options: SampleOptions = {}): { rows: LogEntry[]; planted: PlantedError[] } {
  const today = options.today ?? todayIso();
  const r = rng(options.seed ?? 1);
  const rows: LogEntry[] = [];
  const planted: PlantedError[] = [];
  const every = options.plantEvery ?? 0;
  for (let i = 0; i < n; i++) {
    let row = sampleRow(r, i, today);
    if (every > 0 && i % every === every - 1) {
      const plant = PLANTS[planted.length % PLANTS.length];
      row = plant.apply(row, today);
      planted.push({ rowIndex: i, key: plant.key, kind: plant.kind });
    }
    rows.push(row);
  }
  return { rows, planted };
}
