/**
 * Pane keyboard shortcuts: Alt+1 … Alt+7 open the views in tab order, from anywhere in the pane, so a 客服 can move
 * between entry and follow-ups without the mouse (the tab list itself needs Shift+Tab past every form field).
 * Matched on `code` (the physical key), so the layout and macOS's Option characters do not matter.
 */
import type { ViewId } from './navigation';

export const VIEW_ORDER: readonly ViewId[] = ['home', 'entry', 'followups', 'check', 'reports', 'import', 'settings'];

export function shortcutView(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): ViewId | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (!m) return null;
  return VIEW_ORDER[Number(m[1]) - 1] ?? null;
}
