/**
 * Drives the outbox for the pane's workbook: one shared Outbox, automatic retries on a timer, manual "retry now",
 * and notifications when a queued entry lands (so the Entry view can tell the user which row).
 */
import type { FollowUpWrite, FollowUpWriteStatus } from '../../core/followups';
import type { Workbook, WrittenRow } from '../../core/workbook';
import { Outbox, type EntryOutboxItem, type FollowUpOutboxItem, type OutboxItem } from './outbox';

type SentListener = (item: EntryOutboxItem, row: WrittenRow) => void;
/** A queued follow-up left the outbox: written (or found already written), or not written because the row changed. */
type FollowUpListener = (item: FollowUpOutboxItem, status: FollowUpWriteStatus) => void;

let outbox: Outbox | null = null;
let workbook: Workbook | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let running = false;
const sentListeners = new Set<SentListener>();
const followUpListeners = new Set<FollowUpListener>();

export function getOutbox(): Outbox {
  if (!outbox) outbox = new Outbox();
  return outbox;
}

export function onOutboxSent(listener: SentListener): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

export function onFollowUpSettled(listener: FollowUpListener): () => void {
  followUpListeners.add(listener);
  return () => followUpListeners.delete(listener);
}

async function send(item: OutboxItem): Promise<boolean> {
  const box = getOutbox();
  if (!workbook) return false;
  try {
    if (item.kind === 'followUp') {
      // 'changed' also leaves the outbox: the row is no longer the one the 客服 saw, so the outcome must not land.
      const status = await workbook.recordFollowUp(item.followUp);
      box.remove(item.id);
      followUpListeners.forEach((l) => l(item, status));
      return true;
    }
    // Every outbox item was tried before; that attempt may have landed late, so the append checks the log tail.
    const row = await workbook.appendEntry(item.entry, { retry: true });
    box.remove(item.id);
    sentListeners.forEach((l) => l(item, row));
    return true;
  } catch (e) {
    box.failed(item.id, e);
    return false;
  }
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const next = getOutbox().nextDue();
  if (next === null || !workbook) return;
  timer = setTimeout(() => void runDue(), Math.max(0, next - Date.now()));
}

async function runDue(): Promise<void> {
  if (running) return;
  running = true;
  try {
    // One at a time, oldest first, so queued entries keep their order in the log.
    for (const item of getOutbox().due()) {
      if (!(await send(item))) break;
    }
  } finally {
    running = false;
    schedule();
  }
}

/** Put a failed entry in the outbox and arm the retry timer. */
export function queueEntry(entry: EntryOutboxItem['entry'], error: unknown): EntryOutboxItem {
  const item = getOutbox().add(entry, error);
  schedule();
  return item;
}

/** Put a failed follow-up outcome in the outbox and arm the retry timer. */
export function queueFollowUp(write: FollowUpWrite, error: unknown): FollowUpOutboxItem {
  const item = getOutbox().addFollowUp(write, error);
  schedule();
  return item;
}

export async function retryNow(id: string): Promise<boolean> {
  const item = getOutbox().list().find((i) => i.id === id);
  if (!item) return false;
  const ok = await send(item);
  schedule();
  return ok;
}

export function discard(id: string): void {
  getOutbox().remove(id);
  schedule();
}

/** Start retrying for this workbook; returns the stop function. */
export function startOutbox(wb: Workbook): () => void {
  workbook = wb;
  schedule();
  return () => {
    if (workbook === wb) workbook = null;
    if (timer) clearTimeout(timer);
    timer = null;
  };
}

/** Tests: forget the module state (a fresh outbox read from storage). */
export function resetOutboxForTests(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  outbox = null;
  workbook = null;
  running = false;
  sentListeners.clear();
  followUpListeners.clear();
}
