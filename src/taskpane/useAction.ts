/**
 * The one way a view runs a workbook action: busy while it runs, then a notice — the success text the view gives,
 * or the error's own text (errors.ts). Notices are kept in both languages and shown in the pane's current one.
 */
import { useCallback, useState } from 'react';
import type { Text } from '../core/i18n';
import { useApp } from './appContext';
import { errorNotice } from './errors';

export type NoticeIntent = 'success' | 'error' | 'info' | 'warning';

export interface Notice {
  intent: NoticeIntent;
  text: Text;
}

export interface RunOptions<T> {
  /** The notice after success (none when omitted or null). */
  done?: (result: T) => Notice | null;
  /** A notice for a particular failure (e.g. a cancel); null falls back to the error notice. */
  failed?: (error: unknown) => Notice | null;
}

export interface Action {
  busy: boolean;
  notice: Notice | null;
  /** The notice's text in the pane's language. */
  message: string | null;
  run<T>(action: () => Promise<T>, options?: RunOptions<T>): Promise<T | undefined>;
  /** Show a notice without running anything (e.g. an error from a fire-and-forget call). */
  show(notice: Notice | null): void;
  fail(error: unknown): void;
}

export function errorNoticeOf(error: unknown): Notice {
  return { intent: 'error', text: errorNotice(error) };
}

export function useAction(): Action {
  const { lang } = useApp();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const set = setNotice;

  const run = useCallback(
    async <T>(action: () => Promise<T>, options: RunOptions<T> = {}): Promise<T | undefined> => {
      setBusy(true);
      set(null);
      try {
        const result = await action();
        set(options.done ? options.done(result) : null);
        return result;
      } catch (e) {
        set(options.failed?.(e) ?? errorNoticeOf(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [set],
  );

  const fail = useCallback((e: unknown) => set(errorNoticeOf(e)), [set]);

  return { busy, notice, message: notice ? notice.text[lang] : null, run, show: set, fail };
}
