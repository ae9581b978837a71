/**
 * The validation engine shared by the entry form, the sheet check and the CLI.
 *
 *   validate(raw, ctx)                 one entry → { ok, entry (canonical LogEntry), issues }
 *   validateRow(cells, positions, ctx) the same for a sheet row located by header positions (schema.mapHeaders)
 *   requiredFields(raw)                the fields required given the current 是/否 and 跟进情况 (live form markers)
 *   buildDuplicateIndex / buildAmountRanges   the context for the duplicate and outlier warnings
 *   detectPersonalData / maskPersonalData     phones, ID numbers, emails in free text
 */
export * from './types';
export { validate, requiredFields } from './validate';
export { validateRow, rowToRaw } from './row';
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
