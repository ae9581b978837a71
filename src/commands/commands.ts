/**
 * Ribbon command handlers (manifest ExecuteFunction actions). They run in the shared runtime, so they switch the
 * pane's view through navigation.ts and then bring the pane up; the pane does the actual work.
 */
import { navigate, requestInsertTemplate, type ViewId } from '../taskpane/navigation';

type CommandHandler = (event: Office.AddinCommands.Event) => void;

async function showPane(): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // The pane is already visible, or the host lacks SharedRuntime 1.1 (the manifest requires it): the view has
    // already been switched, so the pane shows it the next time it opens.
  }
}

function openView(view: ViewId, after?: () => void): CommandHandler {
  return (event) => {
    navigate(view);
    after?.();
    // completed() must always be called, or Office keeps the button busy.
    void showPane().finally(() => event.completed());
  };
}

/** Keys are the manifest's <FunctionName> values. */
export const commandHandlers: Readonly<Record<string, CommandHandler>> = {
  openEntry: openView('entry'),
  openCheck: openView('check'),
  openReports: openView('reports'),
  insertTemplate: openView('home', requestInsertTemplate),
};

function register(): void {
  for (const [name, handler] of Object.entries(commandHandlers)) Office.actions.associate(name, handler);
}

// Outside Office (browser demo) office.js may be absent, or onReady resolves without a host and without actions.
if (typeof Office !== 'undefined') {
  void Office.onReady((info) => {
    if (info.host && typeof Office.actions !== 'undefined') register();
  });
}
