/**
 * Which pane view is on screen. Ribbon commands run in the same (shared) runtime and call `navigate`
 * so a button can open the pane at Entry, Check or Reports; the React shell subscribes.
 */
export type ViewId = 'home' | 'entry' | 'followups' | 'check' | 'reports' | 'import' | 'settings';

type Listener = (view: ViewId) => void;

let current: ViewId = 'home';
const listeners = new Set<Listener>();

export function currentView(): ViewId {
  return current;
}

export function navigate(view: ViewId): void {
  current = view;
  listeners.forEach((l) => l(view));
}

export function onNavigate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/*
 * "Insert template" from the ribbon: the command runs before the pane may have mounted, so a request made with no
 * listener waits and is handed to the first listener that subscribes.
 */
type InsertTemplateListener = () => void;

const insertTemplateListeners = new Set<InsertTemplateListener>();
let insertTemplatePending = false;

export function requestInsertTemplate(): void {
  if (insertTemplateListeners.size === 0) {
    insertTemplatePending = true;
    return;
  }
  insertTemplateListeners.forEach((l) => l());
}

export function onInsertTemplateRequest(listener: InsertTemplateListener): () => void {
  insertTemplateListeners.add(listener);
  if (insertTemplatePending) {
    insertTemplatePending = false;
    listener();
  }
  return () => insertTemplateListeners.delete(listener);
}
