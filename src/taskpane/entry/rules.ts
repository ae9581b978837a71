/**
 * The form's view of core validation: run the shared rules on what is typed, group issues by field, and keep
 * what the log already holds (customer IDs for autocomplete, the duplicate index) up to date as rows are added.
 */
import { serialToIso } from '../../core/dates';
import type { InputKey, ListValues, LogEntry } from '../../core/schema';
import { todayIso } from '../../core/dates';
import { buildDuplicateIndex, requiredFields, validate } from '../../core/validation';
import type { DuplicateIndex, Issue, RawEntry } from '../../core/validation/types';
import type { LogSnapshot } from '../../core/workbook';
import type { FormValues } from './draftStore';

export interface FieldIssue {
  key: InputKey | null;
  code: Issue['code'];
  message: Issue['message'];
}

export interface FormCheck {
  /** The normalised row, when there is no error. */
  entry: LogEntry | null;
  errors: FieldIssue[];
  warnings: FieldIssue[];
  /** Fields required given the current values (是/否 and 跟进情况 change this live). */
  required: ReadonlySet<InputKey>;
  duplicate: boolean;
}

function toFieldIssue(i: Issue): FieldIssue {
  return { key: i.field, code: i.code, message: i.message };
}

export function checkForm(values: FormValues, lists: ListValues, known: KnownRows, today = todayIso()): FormCheck {
  const raw: RawEntry = { ...values };
  const result = validate(raw, { today, lists, duplicates: known.duplicates });
  const errors = result.issues.filter((i) => i.severity === 'error').map(toFieldIssue);
  const warnings = result.issues.filter((i) => i.severity === 'warning').map(toFieldIssue);
  return {
    entry: result.ok ? result.entry : null,
    errors,
    warnings,
    required: requiredFields(raw, lists),
    duplicate: warnings.some((w) => w.code === 'possibleDuplicate'),
  };
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function cellDate(v: unknown): string {
  if (typeof v === 'number' && Number.isFinite(v)) return serialToIso(v);
  return cellText(v);
}

/** Customer IDs and duplicate keys of rows already in the log (read once, then added to as the pane writes). */
export class KnownRows {
  readonly duplicates: DuplicateIndex = buildDuplicateIndex([]);
  private ids = new Set<string>();
  private sortedIds: string[] | null = null;

  addSnapshot(snap: LogSnapshot): void {
    const p = snap.positions;
    if (p.customerId === undefined) return;
    for (const row of snap.rows) {
      const customerId = cellText(row[p.customerId]);
      if (!customerId) continue;
      this.ids.add(customerId);
      const date = p.date === undefined ? '' : cellDate(row[p.date]);
      const product = p.product === undefined ? '' : cellText(row[p.product]);
      this.duplicates.add({ customerId, date, product });
    }
    this.sortedIds = null;
  }

  addEntry(e: LogEntry): void {
    this.ids.add(e.customerId);
    this.duplicates.add({ customerId: e.customerId, date: e.date, product: e.product });
    this.sortedIds = null;
  }

  /** Undo: the index only grows; a removed row may still warn as a duplicate, which errs on the safe side. */
  removeEntry(_e: LogEntry): void {
    this.sortedIds = null;
  }

  customerIds(): string[] {
    if (!this.sortedIds) this.sortedIds = [...this.ids].sort();
    return this.sortedIds;
  }
}
