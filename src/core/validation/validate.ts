/**
 * validate(): one inquiry as typed or as read from a sheet row → canonical LogEntry plus field-level errors and
 * warnings. The same rules serve the entry form, the sheet check and the CLI.
 */
import { column, FOLLOW_UP_PENDING, NO, YES, type InputKey, type ListKey, type ListValues, type LogEntry } from '../schema';
import { defaultListValues } from '../schema';
import { unitPrice } from './amountRanges';
import { listLookups, matchList, type ListLookups } from './lists';
import { issue, type MessageParams } from './messages';
import {
  isInvalid,
  normalizeAmount,
  normalizeDate,
  normalizeQuantity,
  normalizeText,
  toHalfWidth,
  type Invalid,
} from './normalize';
import { detectPersonalData, mayContainPersonalData } from './personalData';
import type { Issue, RawEntry, ValidationContext, ValidationResult } from './types';

/** Fields every row needs, whatever the deal says (schema `required`). */
const ALWAYS_REQUIRED: readonly InputKey[] = ['date', 'agent', 'customerId', 'customerType', 'newOrReturning', 'channel', 'region', 'product', 'deal'];

const CUSTOMER_ID_MAX = column('customerId').maxLength ?? 64;
const NOTE_MAX = column('note').maxLength ?? 255;
/** Product names typed outside the list are free text; keep them to a cell-friendly length. */
const PRODUCT_MAX = 255;

/**
 * Collects issues for one row; remembers which fields already have an error so a field shows one error, the first.
 */
class Collector {
  issues: Issue[] = [];
  private errorFields = 0;
  private static bit(field: InputKey): number {
    return 1 << FIELD_BITS[field];
  }
  hasError(field: InputKey): boolean {
    return (this.errorFields & Collector.bit(field)) !== 0;
  }
  get anyError(): boolean {
    return this.errorFields !== 0;
  }
  error(field: InputKey, code: Issue['code'], params?: MessageParams, other?: InputKey): void {
    if (this.hasError(field)) return;
    this.errorFields |= Collector.bit(field);
    this.issues.push(issue(field, 'error', code, params, other));
  }
  warn(field: InputKey | null, code: Issue['code'], params?: MessageParams): void {
    this.issues.push(issue(field, 'warning', code, params));
  }
}

const FIELD_BITS = {} as Record<InputKey, number>;
['date', 'agent', 'customerId', 'customerType', 'newOrReturning', 'channel', 'region', 'product', 'quantity', 'amount', 'deal', 'dealType', 'noDealReason', 'followUp', 'nextFollowUp', 'note'].forEach(
  (k, i) => (FIELD_BITS[k as InputKey] = i),
);

/** Params for a field's own error (the offending value or limits), only computed when there is an error. */
function fieldErrorParams(bad: Invalid, raw: unknown, max?: number): MessageParams | undefined {
  switch (bad.code) {
    case 'notInList':
    case 'cellError':
      return { value: String(raw).trim() };
    case 'tooLong': {
      const text = normalizeText(raw);
      return { max: max ?? 0, length: typeof text === 'string' ? text.length : 0 };
    }
    default:
      return undefined;
  }
}

/** Normalised value, null when empty, undefined when invalid (the error is recorded). */
function readList(field: InputKey, list: ListKey, raw: unknown, lookups: ListLookups, out: Collector): string | null | undefined {
  const value = matchList(raw, lookups[list]);
  if (isInvalid(value)) {
    out.error(field, value.code, fieldErrorParams(value, raw));
    return undefined;
  }
  return value;
}

function readText(field: InputKey, raw: unknown, maxLength: number, halfWidth: boolean, out: Collector): string | null | undefined {
  const value = normalizeText(raw, { maxLength, halfWidth });
  if (isInvalid(value)) {
    out.error(field, value.code, fieldErrorParams(value, raw, maxLength));
    return undefined;
  }
  return value;
}

function readNumber(field: InputKey, raw: unknown, normalize: (raw: unknown) => number | null | Invalid, out: Collector): number | null | undefined {
  const value = normalize(raw);
  if (isInvalid(value)) {
    out.error(field, value.code);
    return undefined;
  }
  return value;
}

function readDate(field: InputKey, raw: unknown, today: string, out: Collector): string | null | undefined {
  const value = normalizeDate(raw, today);
  if (isInvalid(value)) {
    out.error(field, value.code);
    return undefined;
  }
  return value;
}

/** Product: a list value, or free text kept as typed (trimmed) with a warning. */
function readProduct(raw: unknown, lookups: ListLookups, out: Collector): string | null | undefined {
  const value = matchList(raw, lookups.product);
  if (!isInvalid(value)) return value;
  if (value.code !== 'notInList') {
    out.error('product', value.code, fieldErrorParams(value, raw));
    return undefined;
  }
  const text = readText('product', raw, PRODUCT_MAX, false, out);
  if (typeof text === 'string') out.warn('product', 'productNotInList', { value: text });
  return text;
}

function checkPersonalData(field: InputKey, text: string | null | undefined, out: Collector): void {
  if (!text || !mayContainPersonalData(text)) return;
  if (detectPersonalData(toHalfWidth(text)).length > 0) out.warn(field, 'personalData');
}

function formatMoney(n: number): string {
  return n.toFixed(2);
}

export function validate(raw: RawEntry, ctx: ValidationContext): ValidationResult {
  const lookups = listLookups(ctx.lists);
  const out = new Collector();
  const today = ctx.today;

  const date = readDate('date', raw.date, today, out);
  if (date && date > today) out.error('date', 'futureDate', { today });
  const agent = readList('agent', 'agent', raw.agent, lookups, out);
  const customerId = readText('customerId', raw.customerId, CUSTOMER_ID_MAX, true, out);
  const customerType = readList('customerType', 'customerType', raw.customerType, lookups, out);
  const newOrReturning = readList('newOrReturning', 'newOrReturning', raw.newOrReturning, lookups, out);
  const channel = readList('channel', 'channel', raw.channel, lookups, out);
  const region = readList('region', 'region', raw.region, lookups, out);
  const product = readProduct(raw.product, lookups, out);
  const quantity = readNumber('quantity', raw.quantity, normalizeQuantity, out);
  const amount = readNumber('amount', raw.amount, normalizeAmount, out);
  const deal = readList('deal', 'deal', raw.deal, lookups, out);
  const dealType = readList('dealType', 'dealType', raw.dealType, lookups, out);
  const noDealReason = readList('noDealReason', 'noDealReason', raw.noDealReason, lookups, out);
  const followUp = readList('followUp', 'followUp', raw.followUp, lookups, out);
  const nextFollowUp = readDate('nextFollowUp', raw.nextFollowUp, today, out);
  const note = readText('note', raw.note, NOTE_MAX, false, out);

  const values: Record<InputKey, unknown> = {
    date, agent, customerId, customerType, newOrReturning, channel, region, product,
    quantity, amount, deal, dealType, noDealReason, followUp, nextFollowUp, note,
  };
  for (const key of ALWAYS_REQUIRED) if (values[key] === null) out.error(key, 'required');

  // Cross-field rules (DESIGN.md). `undefined` = invalid (already reported) and counts as "filled in".
  if (deal === YES) {
    if (quantity === null || quantity === 0) out.error('quantity', 'dealNeedsQuantity');
    if (amount === null || amount === 0) out.error('amount', 'dealNeedsAmount');
    if (dealType === null) out.error('dealType', 'dealNeedsType');
    if (noDealReason !== null) out.error('noDealReason', 'dealForbidsReason');
  } else if (deal === NO) {
    if (amount !== null && amount !== 0) out.error('amount', 'noDealForbidsAmount');
    if (dealType !== null) out.error('dealType', 'noDealForbidsType');
    if (noDealReason === null) out.error('noDealReason', 'noDealNeedsReason');
    if (followUp === null) out.error('followUp', 'noDealNeedsFollowUp');
  }
  if (followUp === FOLLOW_UP_PENDING && nextFollowUp === null) out.error('nextFollowUp', 'pendingNeedsNextDate');
  if (date && nextFollowUp && nextFollowUp < date) out.error('nextFollowUp', 'nextBeforeDate', undefined, 'date');

  // Warnings.
  if (ctx.duplicates && customerId && date && product && ctx.duplicates.has({ customerId, date, product })) {
    out.warn('customerId', 'possibleDuplicate', { date, product });
  }
  if (ctx.amountRanges && product && typeof amount === 'number' && typeof quantity === 'number' && deal) {
    const range = ctx.amountRanges.get(product);
    const price = range ? unitPrice({ product, deal, amount, quantity }) : null;
    if (range && price !== null && price > range.limit) {
      out.warn('amount', 'amountOutlier', { unitPrice: formatMoney(price), limit: formatMoney(range.limit) });
    }
  }
  checkPersonalData('customerId', customerId, out);
  checkPersonalData('note', note, out);

  if (out.anyError) return { ok: false, entry: null, issues: out.issues };
  const entry: LogEntry = {
    date: date as string,
    agent: agent as string,
    customerId: customerId as string,
    customerType: customerType as string,
    newOrReturning: newOrReturning as string,
    channel: channel as string,
    region: region as string,
    product: product as string,
    quantity: quantity as number | null,
    amount: amount as number | null,
    deal: deal as string,
    dealType: dealType as string | null,
    noDealReason: noDealReason as string | null,
    followUp: followUp as string | null,
    nextFollowUp: nextFollowUp as string | null,
    note: note as string | null,
  };
  return { ok: true, entry, issues: out.issues };
}

/** Canonical 是/否 of a raw deal value (Yes/No, TRUE/FALSE, 1/0 …), or null. */
function dealOf(raw: unknown, lists: ListValues): string | null {
  const value = matchList(raw, listLookups(lists).deal);
  return typeof value === 'string' ? value : null;
}

/**
 * Which fields are required given the current deal and follow-up values: the form shows required markers from it
 * as the user types.
 */
export function requiredFields(raw: RawEntry, lists: ListValues = DEFAULTS()): ReadonlySet<InputKey> {
  const required = new Set<InputKey>(ALWAYS_REQUIRED);
  const deal = dealOf(raw.deal, lists);
  if (deal === YES) {
    required.add('quantity').add('amount').add('dealType');
  } else if (deal === NO) {
    required.add('noDealReason').add('followUp');
  }
  const followUp = matchList(raw.followUp, listLookups(lists).followUp);
  if (followUp === FOLLOW_UP_PENDING) required.add('nextFollowUp');
  return required;
}

let defaults: ListValues | null = null;
function DEFAULTS(): ListValues {
  return (defaults ??= defaultListValues());
}
