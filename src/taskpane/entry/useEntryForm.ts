/**
 * State and behaviour of the entry form, apart from rendering: values (saved as a draft on every change),
 * live validation, submit with duplicate confirmation, the outbox on failure, undo of the last written row,
 * and the customer IDs already in the log (autocomplete and duplicate detection).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Text } from '../../core/i18n';
import { fill, t } from '../../core/i18n';
import { ui } from '../../core/i18n/ui';
import { defaultListValues, type InputKey, type Lang, type ListValues } from '../../core/schema';
import { todayIso } from '../../core/dates';
import type { Workbook, WrittenRow } from '../../core/workbook';
import { lastAgent, setLastAgent } from '../prefs';
import { clearDraft, emptyValues, loadDraft, saveDraft, type FormValues } from './draftStore';
import { checkForm, KnownRows, type FormCheck } from './rules';
import { describeError } from './outbox';
import { onOutboxSent, queueEntry } from './outboxRunner';

export type EntryStatus = { kind: 'success' | 'error' | 'warning' | 'info'; text: Text } | null;

export function defaultValues(today = todayIso()): FormValues {
  return { ...emptyValues(), date: today, agent: lastAgent() ?? '' };
}

export interface EntryForm {
  values: FormValues;
  check: FormCheck;
  lists: ListValues;
  listsLoaded: boolean;
  customerIds: string[];
  /** Keys whose messages are shown (touched, or all after a submit attempt). */
  shown(key: InputKey): boolean;
  setField(key: InputKey, value: string): void;
  submit(confirmDuplicate?: boolean): Promise<WrittenRow | null>;
  awaitingDuplicateConfirm: boolean;
  submitting: boolean;
  status: EntryStatus;
  restoredDraft: boolean;
  lastWritten: WrittenRow | null;
  undoLast(): Promise<void>;
  clear(): void;
}

export function useEntryForm(workbook: Workbook | null, onWritten?: (row: WrittenRow) => void): EntryForm {
  const initial = useRef<{ values: FormValues; restored: boolean } | null>(null);
  if (!initial.current) {
    const draft = loadDraft();
    initial.current = { values: draft ?? defaultValues(), restored: draft !== null };
  }
  const [values, setValues] = useState<FormValues>(initial.current.values);
  const [touched, setTouched] = useState<ReadonlySet<InputKey>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [lists, setLists] = useState<ListValues>(defaultListValues);
  const [listsLoaded, setListsLoaded] = useState(false);
  const known = useRef(new KnownRows());
  const [knownVersion, setKnownVersion] = useState(0);
  const [awaitingDuplicateConfirm, setAwaiting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [status, setStatus] = useState<EntryStatus>(initial.current.restored ? { kind: 'info', text: ui.draftRestored } : null);
  const [lastWritten, setLastWritten] = useState<WrittenRow | null>(null);

  useEffect(() => {
    if (!workbook) return;
    let live = true;
    workbook.readLists().then(
      (l) => {
        if (!live) return;
        setLists(l);
        setListsLoaded(true);
      },
      () => live && setListsLoaded(false),
    );
    workbook.readLog().then(
      (snap) => {
        if (!live) return;
        known.current.addSnapshot(snap);
        setKnownVersion((v) => v + 1);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workbook]);

  useEffect(
    () =>
      onOutboxSent((item, row) => {
        known.current.addEntry(item.entry);
        setKnownVersion((v) => v + 1);
        setStatus({ kind: 'success', text: fill(ui.outboxSent, { row: row.sheetRow }) });
      }),
    [],
  );

  const check = useMemo(() => checkForm(values, lists, known.current), [values, lists, knownVersion]);
  const customerIds = useMemo(() => known.current.customerIds(), [knownVersion]);

  const setField = useCallback((key: InputKey, value: string) => {
    setValues((prev) => {
      const next = { ...prev, [key]: value };
      saveDraft(next);
      return next;
    });
    setTouched((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));
    setAwaiting(false);
  }, []);

  const resetAfterWrite = useCallback((agent: string) => {
    setLastAgent(agent);
    const next = { ...defaultValues(), agent };
    setValues(next);
    clearDraft();
    setTouched(new Set());
    setShowAll(false);
    setAwaiting(false);
  }, []);

  const submit = useCallback(
    async (confirmDuplicate = false): Promise<WrittenRow | null> => {
      if (submitting) return null;
      setShowAll(true);
      if (check.errors.length > 0 || !check.entry) {
        setStatus({ kind: 'error', text: fill(ui.fixErrors, { count: check.errors.length }) });
        return null;
      }
      if (check.duplicate && !confirmDuplicate && !awaitingDuplicateConfirm) {
        setAwaiting(true);
        setStatus({ kind: 'warning', text: ui.duplicateAsk });
        return null;
      }
      const entry = check.entry;
      if (!workbook) return null;
      setSubmitting(true);
      try {
        const row = await workbook.appendEntry(entry);
        known.current.addEntry(entry);
        setKnownVersion((v) => v + 1);
        setLastWritten(row);
        resetAfterWrite(entry.agent);
        setStatus({ kind: 'success', text: fill(ui.savedRow, { row: row.sheetRow }) });
        onWritten?.(row);
        return row;
      } catch (e) {
        // The entry is safe in the outbox; clear the form so the next inquiry can be typed.
        queueEntry(entry, e);
        resetAfterWrite(entry.agent);
        const reason = describeError(e).text;
        const text = (lang: Lang) => t(ui.writeFailedQueued, lang, { reason: reason[lang] });
        setStatus({ kind: 'error', text: { 'zh-CN': text('zh-CN'), 'en-US': text('en-US') } });
        return null;
      } finally {
        setSubmitting(false);
      }
    },
    [submitting, check, awaitingDuplicateConfirm, workbook, resetAfterWrite, onWritten],
  );

  const undoLast = useCallback(async () => {
    if (!workbook || !lastWritten) return;
    try {
      const removed = await workbook.removeEntry(lastWritten);
      setStatus({ kind: removed ? 'success' : 'warning', text: fill(removed ? ui.undoDone : ui.undoChanged, { row: lastWritten.sheetRow }) });
      if (removed) {
        known.current.removeEntry(lastWritten.entry);
        setKnownVersion((v) => v + 1);
      }
      setLastWritten(null);
    } catch (e) {
      setStatus({ kind: 'error', text: describeError(e).text });
    }
  }, [workbook, lastWritten]);

  const clear = useCallback(() => {
    const next = defaultValues();
    setValues(next);
    clearDraft();
    setTouched(new Set());
    setShowAll(false);
    setAwaiting(false);
    setStatus(null);
  }, []);

  return {
    values,
    check,
    lists,
    listsLoaded,
    customerIds,
    shown: (key) => showAll || touched.has(key),
    setField,
    submit,
    awaitingDuplicateConfirm,
    submitting,
    status,
    restoredDraft: initial.current.restored,
    lastWritten,
    undoLast,
    clear,
  };
}
