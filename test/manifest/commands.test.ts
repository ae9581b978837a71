/**
 * The ribbon's ExecuteFunction buttons and the command handlers agree, and each handler switches the pane's view,
 * shows the pane and completes the event (Office keeps the button busy otherwise).
 */
import * as fs from 'fs';
import * as path from 'path';
import { executeFunctionNames } from '../../scripts/manifest/checks';

const manifest = fs.readFileSync(path.resolve(__dirname, '../../manifest.xml'), 'utf8');

type Handler = (event: { completed: () => void }) => void;

interface FakeOffice {
  associated: Map<string, Handler>;
  shown: number;
  failShow: boolean;
}

/** Installs a fake Office global (host Excel) and loads fresh copies of commands + navigation. */
function loadWithOffice(host: string | null) {
  const fake: FakeOffice = { associated: new Map(), shown: 0, failShow: false };
  (globalThis as Record<string, unknown>).Office = {
    onReady: (cb?: (info: { host: string | null }) => void) => {
      const info = { host, platform: null };
      return Promise.resolve().then(() => {
        cb?.(info);
        return info;
      });
    },
    actions: { associate: (name: string, fn: Handler) => fake.associated.set(name, fn) },
    addin: {
      showAsTaskpane: async () => {
        if (fake.failShow) throw new Error('not supported');
        fake.shown++;
      },
    },
  };
  let modules!: {
    commands: typeof import('../../src/commands/commands');
    navigation: typeof import('../../src/taskpane/navigation');
  };
  jest.isolateModules(() => {
    modules = {
      commands: require('../../src/commands/commands'),
      navigation: require('../../src/taskpane/navigation'),
    };
  });
  return { fake, ...modules };
}

/** Runs a handler and resolves when it calls event.completed(). */
function press(handler: (event: Office.AddinCommands.Event) => void): Promise<void> {
  // Only completed() is used by the handlers; the rest of the event (source) is Outlook/Excel metadata.
  return new Promise((resolve) => handler({ completed: resolve } as unknown as Office.AddinCommands.Event));
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

test('every manifest FunctionName has a handler and every handler is on the ribbon', () => {
  const { commands } = loadWithOffice('Excel');
  expect(Object.keys(commands.commandHandlers).sort()).toEqual(executeFunctionNames(manifest).sort());
});

test('inside Excel the handlers are registered with Office.actions.associate', async () => {
  const { fake } = loadWithOffice('Excel');
  await Promise.resolve();
  await Promise.resolve();
  expect([...fake.associated.keys()].sort()).toEqual(['insertTemplate', 'openCheck', 'openEntry', 'openReports']);
});

test('outside Office (no host) nothing is registered', async () => {
  const { fake } = loadWithOffice(null);
  await Promise.resolve();
  await Promise.resolve();
  expect(fake.associated.size).toBe(0);
});

test.each([
  ['openEntry', 'entry'],
  ['openCheck', 'check'],
  ['openReports', 'reports'],
])('%s navigates to %s, shows the pane and completes', async (name, view) => {
  const { fake, commands, navigation } = loadWithOffice('Excel');
  const seen: string[] = [];
  navigation.onNavigate((v) => seen.push(v));
  await press(commands.commandHandlers[name]);
  expect(navigation.currentView()).toBe(view);
  expect(seen).toEqual([view]);
  expect(fake.shown).toBe(1);
});

test('insertTemplate opens Home and hands the request to the pane, even if the pane subscribes later', async () => {
  const { commands, navigation } = loadWithOffice('Excel');
  navigation.navigate('reports');
  await press(commands.commandHandlers.insertTemplate);
  expect(navigation.currentView()).toBe('home');
  let requests = 0;
  navigation.onInsertTemplateRequest(() => requests++);
  expect(requests).toBe(1);
  // Delivered once: a second subscriber does not see the old request.
  navigation.onInsertTemplateRequest(() => requests++);
  expect(requests).toBe(1);
  await press(commands.commandHandlers.insertTemplate);
  expect(requests).toBe(3);
});

test('the event still completes when the host cannot show the pane', async () => {
  const { fake, commands, navigation } = loadWithOffice('Excel');
  fake.failShow = true;
  await press(commands.commandHandlers.openCheck);
  expect(navigation.currentView()).toBe('check');
  expect(fake.shown).toBe(0);
});
