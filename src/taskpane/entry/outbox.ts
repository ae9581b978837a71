/**
 * Writes that could not reach the workbook: entries, and follow-up outcomes. Each one is kept in local storage until
 * it is written or the user discards it, so nothing typed is lost when Excel is busy, a sync times out or the table
 * is missing. Retryable failures are retried automatically with exponential backoff; the others wait for "retry now".
 * Both kinds are safe to retry: an entry's write verifies its row, an outcome's write checks the row first.
 */
import type { Text } from '../../core/i18n';
import type { FollowUpWrite } from '../../core/followups';
import type { LogEntry } from '../../core/schema';
import { WorkbookError } from '../../core/workbook';
import { errorMessage } from '../errors';
import { readJson, writeJson, type KeyValueStore } from '../storage';

interface OutboxItemBase {
  id: string;
  createdAt: number;
  attempts: number;
  lastError: Text;
  retryable: boolean;
  /** Epoch ms of the next automatic attempt; null when only a manual retry will try again. */
  nextAttemptAt: number | null;
}

/** A log entry to append (items saved before follow-ups existed have no `kind`). */
export interface EntryOutboxItem extends OutboxItemBase {
  kind?: 'entry';
  entry: LogEntry;
}

/** A follow-up outcome to record on one row. */
export interface FollowUpOutboxItem extends OutboxItemBase {
  kind: 'followUp';
  followUp: FollowUpWrite;
}

export type OutboxItem = EntryOutboxItem | FollowUpOutboxItem;

function isItem(i: unknown): i is OutboxItem {
  if (!i || typeof i !== 'object') return false;
  const o = i as Record<string, unknown>;
  if (typeof o.id !== 'string') return false;
  return o.kind === 'followUp' ? Boolean(o.followUp) : Boolean(o.entry);
}

const KEY = 'outbox';
export const BASE_DELAY_MS = 2000;
export const MAX_DELAY_MS = 60_000;

/** 2 s, 4 s, 8 s … capped at one minute. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export function describeError(e: unknown): { text: Text; retryable: boolean } {
  if (e instanceof WorkbookError) return { text: e.text, retryable: e.retryable };
  // Unknown failures are retried: the entry stays in the outbox either way.
  return { text: errorMessage(e), retryable: true };
}

export class Outbox {
  private items: OutboxItem[];
  private listeners = new Set<(items: readonly OutboxItem[]) => void>();

  constructor(private readonly store?: KeyValueStore | null) {
    const saved = readJson<OutboxItem[]>(KEY, store);
    this.items = Array.isArray(saved) ? saved.filter(isItem) : [];
  }

  list(): readonly OutboxItem[] {
    return this.items;
  }

  subscribe(listener: (items: readonly OutboxItem[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(entry: LogEntry, error: unknown, now = Date.now()): EntryOutboxItem {
    const item: EntryOutboxItem = { ...this.base(error, now), entry };
    this.items = [...this.items, item];
    this.persist();
    return item;
  }

  addFollowUp(followUp: FollowUpWrite, error: unknown, now = Date.now()): FollowUpOutboxItem {
    const item: FollowUpOutboxItem = { ...this.base(error, now), kind: 'followUp', followUp };
    this.items = [...this.items, item];
    this.persist();
    return item;
  }

  private base(error: unknown, now: number): OutboxItemBase {
    const { text, retryable } = describeError(error);
    return {
      id: `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      createdAt: now,
      attempts: 1,
      lastError: text,
      retryable,
      nextAttemptAt: retryable ? now + backoffMs(1) : null,
    };
  }

  failed(id: string, error: unknown, now = Date.now()): void {
    const { text, retryable } = describeError(error);
    this.update(id, (i) => {
      const attempts = i.attempts + 1;
      return { ...i, attempts, lastError: text, retryable, nextAttemptAt: retryable ? now + backoffMs(attempts) : null };
    });
  }

  remove(id: string): void {
    this.items = this.items.filter((i) => i.id !== id);
    this.persist();
  }

  /** Items whose automatic retry is due. */
  due(now = Date.now()): OutboxItem[] {
    return this.items.filter((i) => i.nextAttemptAt !== null && i.nextAttemptAt <= now);
  }

  /** Earliest scheduled automatic attempt, or null. */
  nextDue(): number | null {
    const times = this.items.map((i) => i.nextAttemptAt).filter((x): x is number => x !== null);
    return times.length ? Math.min(...times) : null;
  }

  private update(id: string, change: (i: OutboxItem) => OutboxItem): void {
    this.items = this.items.map((i) => (i.id === id ? change(i) : i));
    this.persist();
  }

  private persist(): void {
    writeJson(KEY, this.items, this.store);
    const snapshot = this.items;
    this.listeners.forEach((l) => l(snapshot));
  }
}
