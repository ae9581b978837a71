/** What every view reads from the shell: language, the workbook (if any) and the workbook's state. */
import { createContext, useContext } from 'react';
import type { Lang } from '../core/schema';
import type { Workbook, WorkbookState } from '../core/workbook';
import type { Text } from '../core/i18n';
import { t } from '../core/i18n';
import type { HostKind } from './hostInfo';

export interface AppContextValue {
  lang: Lang;
  hostKind: HostKind;
  workbook: Workbook | null;
  /** Latest known state; null until first read. */
  state: WorkbookState | null;
  refreshState(): Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}

/** `tr(ui.key, params)` in the current language. */
export function useT(): (text: Text, params?: Record<string, string | number>) => string {
  const { lang } = useApp();
  return (text, params) => t(text, lang, params);
}
