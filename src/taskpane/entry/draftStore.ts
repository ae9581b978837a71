/**
 * The entry form's draft: what the user has typed but not submitted, saved on every change so a closed or
 * reloaded pane loses nothing. Stored per user in local storage (never in the shared workbook).
 */
import { INPUT_KEYS, type InputKey } from '../../core/schema';
import { readJson, removeKey, writeJson, type KeyValueStore } from '../storage';

export type FormValues = Record<InputKey, string>;

const KEY = 'entryDraft';

export function emptyValues(): FormValues {
  const v = {} as FormValues;
  for (const k of INPUT_KEYS) v[k] = '';
  return v;
}

export function saveDraft(values: FormValues, store?: KeyValueStore | null): boolean {
  return writeJson(KEY, values, store);
}

/** The saved draft, keeping only known fields with string values; null when none. */
export function loadDraft(store?: KeyValueStore | null): FormValues | null {
  const raw = readJson<Record<string, unknown>>(KEY, store);
  if (!raw || typeof raw !== 'object') return null;
  const v = emptyValues();
  let any = false;
  for (const k of INPUT_KEYS) {
    const x = raw[k];
    if (typeof x === 'string') {
      v[k] = x;
      any = true;
    }
  }
  return any ? v : null;
}

export function clearDraft(store?: KeyValueStore | null): void {
  removeKey(KEY, store);
}
