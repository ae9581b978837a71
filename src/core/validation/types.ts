/** Shapes shared by the validation engine's callers: the entry form, the sheet check and the CLI. */
import type { Text } from '../i18n';
import type { ValidationTextKey } from '../i18n/validation';
import type { ColumnKey, InputKey, ListValues, LogEntry } from '../schema';

/** What a form or a sheet row gives: strings, numbers, Excel date serials, booleans, Date objects, null, "". */
export type RawEntry = Partial<Record<InputKey, unknown>>;

/** Stable issue codes (one message text each in i18n/validation.ts). */
export type IssueCode = ValidationTextKey;

export type Severity = 'error' | 'warning';

export interface Issue {
  /** The field the issue belongs to (null for a row-level issue). */
  field: InputKey | null;
  severity: Severity;
  code: IssueCode;
  /** Both languages, each naming the column by its header in that language. */
  message: Text;
}

/** Possible-duplicate lookup over rows already logged (customer + date + product). */
export interface DuplicateIndex {
  has(entry: DuplicateKeyParts): boolean;
  /** The same as has(), without building an object (the per-row path). */
  contains(customerId: string, date: string, product: string): boolean;
  count(entry: DuplicateKeyParts): number;
  add(entry: DuplicateKeyParts): void;
  readonly size: number;
}

export type DuplicateKeyParts = Pick<LogEntry, 'customerId' | 'date' | 'product'>;

/** A product's usual unit price (amount ÷ quantity) over its past deals; see amountRanges.ts for the rule. */
export interface AmountRange {
  deals: number;
  median: number;
  q1: number;
  q3: number;
  /** Unit prices above this are flagged 'amountOutlier'. */
  limit: number;
}

export type AmountRanges = ReadonlyMap<string, AmountRange>;

export interface ValidationContext {
  /** Today's date (ISO yyyy-mm-dd) in the user's calendar. */
  today: string;
  /** The workbook's own lists (its 字典 sheet), or the schema defaults. Treat as immutable: pass a new object when lists change. */
  lists: ListValues;
  duplicates?: DuplicateIndex;
  amountRanges?: AmountRanges;
}

export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The normalised canonical row when ok, else null. */
  entry: LogEntry | null;
  issues: Issue[];
}

/** Header positions as given by schema.mapHeaders(...).positions. */
export type HeaderPositions = Partial<Record<ColumnKey, number>>;
