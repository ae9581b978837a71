/**
 * The validation engine shared by the entry form, the sheet check and the CLI.
 *
 *   validate(raw, ctx)                 one entry → { ok, entry (canonical LogEntry), issues }
 *   validateRow(cells, positions, ctx) the same for a sheet row located by header positions (schema.mapHeaders)
 *   checkLog(rows, positions, opts)    a whole log: problems with duplicates and outliers, entries (pane, CLI, memory)
 *   requiredFields(raw, lists?)        the fields required given the current 是/否 and 跟进情况 (live form markers)
 *   buildDuplicateIndex / buildAmountRanges   the context for the duplicate and outlier warnings
 *   detectPersonalData / maskPersonalData     phones, ID numbers, emails, street addresses in free text
 *   normalize*                         the single-value normalisers behind all of it
 *
 * Decisions (see each file for the reasons):
 * - Amounts with more than 2 decimal places are an error ('tooManyDecimals'), never silently rounded.
 * - Excel serials count as dates only between 2000-01-01 and 2099-12-31; "11/24" and "11月24日" take today's year.
 * - Any C0/C1 control character in text is an error (line breaks and tabs included); text is trimmed first.
 * - Formula-looking text ("=1+1", "+86…", "@…") is kept verbatim: it is data, and writers store it as text.
 * - The outlier warning compares the unit price (amount ÷ quantity) with the product's past deals: flagged above
 *   max(10 × median, Q3 + 3 × IQR), from 5 past deals on.
 * - Possible duplicates: same customer (case- and width-insensitive), date and product.
 * - Products and agents are the shop's own lists: a value outside them is a warning (add it to 字典), not an
 *   error, so the row still counts in reports.
 */
export * from './types';
export { validate, requiredFields } from './validate';
export { validateRow, rowToRaw } from './row';
export { checkLog, LogChecker, type LogCheckOptions, type LogCheckResult, type LogProblem, type LogRows } from './checkLog';
export { buildDuplicateIndex, duplicateKey } from './duplicates';
export { buildAmountRanges, rangeOf, unitPrice, quantile, MIN_DEALS, MEDIAN_FACTOR, IQR_FACTOR } from './amountRanges';
export { detectPersonalData, maskPersonalData, isValidIdCardChecksum, type PersonalDataKind, type PersonalDataMatch } from './personalData';
export { listLookups, matchList, foldListText } from './lists';
export {
  Invalid,
  isInvalid,
  isEmpty,
  trimText,
  toHalfWidth,
  hasControlChar,
  isCellErrorText,
  normalizeText,
  normalizeAmount,
  normalizeQuantity,
  normalizeDate,
  MIN_DATE_SERIAL,
  MAX_DATE_SERIAL,
  type FieldErrorCode,
} from './normalize';
export { message } from './messages';
