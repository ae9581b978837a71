/**
 * Per-user storage for the pane (language, drafts, outbox). Lives in the browser's localStorage, never in the
 * workbook, which travels with the file and is shared with everyone who opens it. Keys are namespaced and
 * versioned; storage that is missing, full or blocked (partitioned webviews) degrades to "not saved" rather than
 * breaking the pane.
 */
const PREFIX = 'shopStats.v1.';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function defaultStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function storageKey(name: string): string {
  return PREFIX + name;
}

export function readJson<T>(name: string, store: KeyValueStore | null = defaultStore()): T | null {
  if (!store) return null;
  try {
    const raw = store.getItem(storageKey(name));
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

/** Returns false when the value could not be stored (quota, blocked storage). */
export function writeJson(name: string, value: unknown, store: KeyValueStore | null = defaultStore()): boolean {
  if (!store) return false;
  try {
    store.setItem(storageKey(name), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(name: string, store: KeyValueStore | null = defaultStore()): void {
  try {
    store?.removeItem(storageKey(name));
  } catch {
    // Nothing to do: storage is unavailable.
  }
}
