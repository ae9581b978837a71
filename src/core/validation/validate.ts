/**
 * validate(): one inquiry as typed or as read from a sheet row → canonical LogEntry plus field-level errors and
 * warnings. The same rules serve the entry form, the sheet check and the CLI.
 *
 * Speed matters (the sheet check runs this for every row of a log): the core takes the sixteen cells as positional
 * arguments so a sheet row needs no intermediate object, messages are built only for issues, and values that are
 * already canonical leave each normaliser on its first test.
 */
import * as schema from '../schema';
import type { InputKey, ListValues, LogEntry } from '../schema';
import * as lists from './lists';
import type { ListLookup, ListLookups } from './lists';
import * as messages from './messages';
import type { MessageParams } from './messages';
import * as normalize from './normalize';
import type { Invalid } from './normalize';
import * as personalData from './personalData';
import type { Issue, IssueCode, RawEntry, ValidationContext, ValidationResult } from './types';

// Bound once at load: esbuild's CommonJS output (tsx, the bench runner) turns every call through an import into
// getter calls, which a per-cell hot path cannot afford.
const { column, defaultListValues, FOLLOW_UP_PENDING, NO, YES } = schema;
const { listLookups, matchList } = lists;
const { issue } = messages;
const { MAX_DATE_SERIAL, MAX_SHOP_NUMBER, MIN_DATE_SERIAL, normalizeAmount, normalizeDate, normalizeQuantity, serialIso, textValue, toHalfWidth } = normalize;
const { detectPersonalData, mayContainPersonalData } = personalData;

/** Fields every row needs, whatever the deal says (schema `required`). */
const ALWAYS_REQUIRED: readonly InputKey[] = ['date', 'agent', 'customerId', 'customerType', 'newOrReturning', 'channel', 'region', 'product', 'deal'];

const CUSTOMER_ID_MAX = column('customerId').maxLength ?? 64;
const NOTE_MAX = column('note').maxLength ?? 255;
/** Products and agents typed outside their lists are kept as text; keep them to a cell-friendly length. */
const OWN_LIST_MAX = 255;

const FIELD_BIT: Record<InputKey, number> = {
  date: 1 << 0, agent: 1 << 1, customerId: 1 << 2, customerType: 1 << 3, newOrReturning: 1 << 4, channel: 1 << 5,
  region: 1 << 6, product: 1 << 7, quantity: 1 << 8, amount: 1 << 9, deal: 1 << 10, dealType: 1 << 11,
  noDealReason: 1 << 12, followUp: 1 << 13, nextFollowUp: 1 << 14, note: 1 << 15,
};

/**
 * The issues of the row being validated: one collector, reused (validate() is synchronous; the state is saved around
 * the only calls out, to the caller's duplicate index and ranges). A field keeps only its first error.
 */
let errorBits = 0;
let found: Issue[] | null = null;

function addError(field: InputKey, code: IssueCode, params?: MessageParams, other?: InputKey): void {
  const bit = FIELD_BIT[field];
  if ((errorBits & bit) !== 0) return;
  errorBits |= bit;
  (found ??= []).push(issue(field, 'error', code, params, other));
}

function addWarning(field: InputKey | null, code: IssueCode, params?: MessageParams): void {
  (found ??= []).push(issue(field, 'warning', code, params));
}

/** A value quoted in a message, cut short so a pasted paragraph does not flood the issue list. */
const SHOWN_MAX = 40;
function shown(text: string): string {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
}

/** Params for a field's own error (the offending value or limits), only computed when there is an error. */
function errorParams(bad: Invalid, raw: unknown, max: number): MessageParams | undefined {
  switch (bad.code) {
    case 'notInList':
    case 'cellError':
      return { value: shown(String(raw).trim()) };
    case 'tooLong': {
      const text = textValue(raw, Infinity, false);
      return { max, length: typeof text === 'string' ? text.length : 0 };
    }
    default:
      return undefined;
  }
}

// Readers: the normalised value, null when empty, undefined when invalid (the error is recorded).

function readList(field: InputKey, raw: unknown, lookup: ListLookup): string | null | undefined {
  const value = matchList(raw, lookup);
  if (typeof value === 'string' || value === null) return value;
  addError(field, value.code, errorParams(value, raw, 0));
  return undefined;
}

function readText(field: InputKey, raw: unknown, maxLength: number, halfWidth: boolean): string | null | undefined {
  const value = textValue(raw, maxLength, halfWidth);
  if (typeof value === 'string' || value === null) return value;
  addError(field, value.code, errorParams(value, raw, maxLength));
  return undefined;
}

function readNumber(field: InputKey, raw: unknown, normalizeNumber: (raw: unknown) => number | null | Invalid): number | null | undefined {
  const value = normalizeNumber(raw);
  if (typeof value === 'number' || value === null) return value;
  addError(field, value.code);
  return undefined;
}

function readDate(field: InputKey, raw: unknown, today: string): string | null | undefined {
  const value = normalizeDate(raw, today);
  if (typeof value === 'string' || value === null) return value;
  addError(field, value.code);
  return undefined;
}

/**
 * Product and agent: the shop's own lists (字典), which grow as it adds products and staff. A list value, or text
 * kept as typed (trimmed) with a warning to add it to 字典, so a new 客服's rows still count in the reports.
 */
function readOwnList(field: 'product' | 'agent', raw: unknown, lookup: ListLookup, warning: IssueCode): string | null | undefined {
  const value = matchList(raw, lookup);
  if (typeof value === 'string' || value === null) return value;
  if (value.code !== 'notInList') {
    addError(field, value.code, errorParams(value, raw, 0));
    return undefined;
  }
  const text = readText(field, raw, OWN_LIST_MAX, false);
  if (typeof text === 'string') addWarning(field, warning, { value: shown(text) });
  return text;
}

function checkPersonalData(field: InputKey, text: string | null | undefined): void {
  if (!text || !mayContainPersonalData(text)) return;
  if (detectPersonalData(toHalfWidth(text)).length > 0) addWarning(field, 'personalData');
}

// Quick paths for cells that are already canonical or empty (most of a sheet). `undefined` means "not settled here":
// the full reader then runs. They are small so the compiler inlines them into validateCells.

function quickList(raw: unknown, lookup: ListLookup): string | null | undefined {
  if (typeof raw === 'string') return raw === '' ? null : lookup.exact.get(raw);
  return raw === null || raw === undefined ? null : undefined;
}

function quickDate(raw: unknown): string | null | undefined {
  if (typeof raw === 'number') return raw >= MIN_DATE_SERIAL && raw < MAX_DATE_SERIAL + 1 ? serialIso(raw) : undefined;
  return raw === '' || raw === null || raw === undefined ? null : undefined;
}

function quickQuantity(raw: unknown): number | null | undefined {
  if (typeof raw === 'number') return raw > 0 && raw <= MAX_SHOP_NUMBER && Number.isInteger(raw) ? raw : undefined;
  return raw === '' || raw === null || raw === undefined ? null : undefined;
}

function quickAmount(raw: unknown): number | null | undefined {
  if (typeof raw === 'number') return raw > 0 && raw <= MAX_SHOP_NUMBER && Number.isInteger(raw * 100) ? raw : undefined;
  return raw === '' || raw === null || raw === undefined ? null : undefined;
}

function quickEmpty(raw: unknown): null | undefined {
  return raw === '' || raw === null || raw === undefined ? null : undefined;
}

/**
 * The rules over sixteen raw cells, in schema column order. Internal: callers use validate() or validateRow().
 */
export function validateCells(
  rawDate: unknown, rawAgent: unknown, rawCustomerId: unknown, rawCustomerType: unknown, rawNewOrReturning: unknown,
  rawChannel: unknown, rawRegion: unknown, rawProduct: unknown, rawQuantity: unknown, rawAmount: unknown, rawDeal: unknown,
  rawDealType: unknown, rawNoDealReason: unknown, rawFollowUp: unknown, rawNextFollowUp: unknown, rawNote: unknown,
  ctx: ValidationContext,
): ValidationResult {
  const lookups: ListLookups = listLookups(ctx.lists);
  const today = ctx.today;
  errorBits = 0;
  found = null;

  let date = quickDate(rawDate);
  if (date === undefined) date = readDate('date', rawDate, today);
  if (date && date > today) addError('date', 'futureDate', { today });
  let agent = quickList(rawAgent, lookups.agent);
  if (agent === undefined) agent = readOwnList('agent', rawAgent, lookups.agent, 'agentNotInList');
  const customerId = readText('customerId', rawCustomerId, CUSTOMER_ID_MAX, true);
  let customerType = quickList(rawCustomerType, lookups.customerType);
  if (customerType === undefined) customerType = readList('customerType', rawCustomerType, lookups.customerType);
  let newOrReturning = quickList(rawNewOrReturning, lookups.newOrReturning);
  if (newOrReturning === undefined) newOrReturning = readList('newOrReturning', rawNewOrReturning, lookups.newOrReturning);
  let channel = quickList(rawChannel, lookups.channel);
  if (channel === undefined) channel = readList('channel', rawChannel, lookups.channel);
  let region = quickList(rawRegion, lookups.region);
  if (region === undefined) region = readList('region', rawRegion, lookups.region);
  let product = quickList(rawProduct, lookups.product);
  if (product === undefined) product = readOwnList('product', rawProduct, lookups.product, 'productNotInList');
  let quantity = quickQuantity(rawQuantity);
  if (quantity === undefined) quantity = readNumber('quantity', rawQuantity, normalizeQuantity);
  let amount = quickAmount(rawAmount);
  if (amount === undefined) amount = readNumber('amount', rawAmount, normalizeAmount);
  let deal = quickList(rawDeal, lookups.deal);
  if (deal === undefined) deal = readList('deal', rawDeal, lookups.deal);
  let dealType = quickList(rawDealType, lookups.dealType);
  if (dealType === undefined) dealType = readList('dealType', rawDealType, lookups.dealType);
  let noDealReason = quickList(rawNoDealReason, lookups.noDealReason);
  if (noDealReason === undefined) noDealReason = readList('noDealReason', rawNoDealReason, lookups.noDealReason);
  let followUp = quickList(rawFollowUp, lookups.followUp);
  if (followUp === undefined) followUp = readList('followUp', rawFollowUp, lookups.followUp);
  let nextFollowUp = quickDate(rawNextFollowUp);
  if (nextFollowUp === undefined) nextFollowUp = readDate('nextFollowUp', rawNextFollowUp, today);
  let note: string | null | undefined = quickEmpty(rawNote);
  if (note === undefined) note = readText('note', rawNote, NOTE_MAX, false);

  if (date === null) addError('date', 'required');
  if (agent === null) addError('agent', 'required');
  if (customerId === null) addError('customerId', 'required');
  if (customerType === null) addError('customerType', 'required');
  if (newOrReturning === null) addError('newOrReturning', 'required');
  if (channel === null) addError('channel', 'required');
  if (region === null) addError('region', 'required');
  if (product === null) addError('product', 'required');
  if (deal === null) addError('deal', 'required');

  // Cross-field rules (DESIGN.md). `undefined` = invalid (already reported) and counts as "filled in".
  if (deal === YES) {
    if (quantity === null || quantity === 0) addError('quantity', 'dealNeedsQuantity');
    if (amount === null || amount === 0) addError('amount', 'dealNeedsAmount');
    if (dealType === null) addError('dealType', 'dealNeedsType');
    if (noDealReason !== null) addError('noDealReason', 'dealForbidsReason');
  } else if (deal === NO) {
    if (amount !== null && amount !== 0) addError('amount', 'noDealForbidsAmount');
    if (dealType !== null) addError('dealType', 'noDealForbidsType');
    if (noDealReason === null) addError('noDealReason', 'noDealNeedsReason');
    if (followUp === null) addError('followUp', 'noDealNeedsFollowUp');
  }
  if (followUp === FOLLOW_UP_PENDING && nextFollowUp === null) addError('nextFollowUp', 'pendingNeedsNextDate');
  if (date && nextFollowUp && nextFollowUp < date) addError('nextFollowUp', 'nextBeforeDate', undefined, 'date');

  // Warnings. The duplicate index and ranges are the caller's objects: keep this row's state safe across the calls.
  const bits = errorBits;
  const sofar = found;
  const duplicate = !!ctx.duplicates && !!customerId && !!date && !!product && ctx.duplicates.contains(customerId, date, product);
  const range = ctx.amountRanges && product ? ctx.amountRanges.get(product) : undefined;
  errorBits = bits;
  found = sofar;
  if (duplicate) addWarning('customerId', 'possibleDuplicate', { date: date as string, product: shown(product as string) });
  if (range && deal === YES && typeof amount === 'number' && amount > 0 && typeof quantity === 'number' && quantity > 0) {
    const price = amount / quantity;
    if (price > range.limit) addWarning('amount', 'amountOutlier', { unitPrice: price.toFixed(2), limit: range.limit.toFixed(2) });
  }
  checkPersonalData('customerId', customerId);
  checkPersonalData('note', note);

  const issues = found ?? [];
  found = null;
  if (errorBits !== 0) return new Result(false, null, issues);
  const entry = new Entry(
    date as string, agent as string, customerId as string, customerType as string, newOrReturning as string,
    channel as string, region as string, product as string, quantity as number | null, amount as number | null,
    deal as string, dealType as string | null, noDealReason as string | null, followUp as string | null,
    nextFollowUp as string | null, note as string | null,
  );
  return new Result(true, entry, issues);
}

/*
 * Results are built by constructors rather than object literals: once callers keep many objects from a literal
 * (reports and the CLI keep entries), V8 pretenures that literal's allocation site, and from then on every row checked
 * allocates in the old generation, which halves the throughput. Constructor allocations are not pretenured.
 * The instances are plain data: own enumerable fields only, in LogEntry / ValidationResult order.
 */

class Entry implements LogEntry {
  constructor(
    public date: string,
    public agent: string,
    public customerId: string,
    public customerType: string,
    public newOrReturning: string,
    public channel: string,
    public region: string,
    public product: string,
    public quantity: number | null,
    public amount: number | null,
    public deal: string,
    public dealType: string | null,
    public noDealReason: string | null,
    public followUp: string | null,
    public nextFollowUp: string | null,
    public note: string | null,
  ) {}
}

class Result implements ValidationResult {
  constructor(
    public ok: boolean,
    public entry: LogEntry | null,
    public issues: Issue[],
  ) {}
}

export function validate(raw: RawEntry, ctx: ValidationContext): ValidationResult {
  return validateCells(
    raw.date, raw.agent, raw.customerId, raw.customerType, raw.newOrReturning, raw.channel, raw.region, raw.product,
    raw.quantity, raw.amount, raw.deal, raw.dealType, raw.noDealReason, raw.followUp, raw.nextFollowUp, raw.note,
    ctx,
  );
}

let defaults: ListValues | null = null;

/**
 * Which fields are required given the current deal and follow-up values: the form shows required markers from it
 * as the user types. `lists` are the workbook's lists (defaults when omitted).
 */
export function requiredFields(raw: RawEntry, listValues?: ListValues): ReadonlySet<InputKey> {
  const lookups = listLookups(listValues ?? (defaults ??= defaultListValues()));
  const required = new Set<InputKey>(ALWAYS_REQUIRED);
  const deal = matchList(raw.deal, lookups.deal);
  if (deal === YES) {
    required.add('quantity').add('amount').add('dealType');
  } else if (deal === NO) {
    required.add('noDealReason').add('followUp');
  }
  if (matchList(raw.followUp, lookups.followUp) === FOLLOW_UP_PENDING) required.add('nextFollowUp');
  return required;
}

