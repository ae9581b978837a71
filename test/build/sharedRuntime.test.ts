/**
 * The built page in real headless Chromium (browser demo mode, office.js replaced by a fake): the functions, the
 * commands and the pane share one webpack runtime, so a ribbon command's navigate() reaches the navigation module the
 * pane listens to; and outside Office the functions and commands bundles load without throwing.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

const DIST = path.resolve(__dirname, '../../dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'; // same rule as pretest and test/browser
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** A fake office.js: Office.onReady reports Excel, commands register into window.__handlers. */
const FAKE_OFFICE = `
  window.__handlers = {}; window.__shown = 0;
  window.Office = {
    onReady: function (cb) { var info = { host: 'Excel', platform: 'OfficeOnline' };
      return Promise.resolve().then(function () { if (cb) cb(info); return info; }); },
    actions: { associate: function (name, fn) { window.__handlers[name] = fn; } },
    addin: { showAsTaskpane: function () { window.__shown++; return Promise.resolve(); } },
    context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: function () { return true; } } }
  };`;

// Chromium start-up and the first page load share two cores with other suites.
jest.setTimeout(90_000);

let server: http.Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    throw new Error('dist/ has no build: run `npm run build` first (npm test does it in pretest)');
  }
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const file = path.join(DIST, rel);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(officeJs: string | null): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  await page.route(OFFICE_JS, (route) =>
    officeJs === null ? route.abort() : route.fulfill({ contentType: 'text/javascript', body: officeJs }),
  );
  await page.goto(`${baseUrl}taskpane.html?demo`);
  return { page, errors };
}

test('a ribbon command switches the pane it shares the runtime with', async () => {
  const { page, errors } = await open(FAKE_OFFICE);
  try {
    // The pane's tab list mirrors navigation.ts (data-testid="tab-<view>", aria-selected on the current one).
    await page.waitForSelector('[data-testid="tab-home"][aria-selected="true"]');
    await page.waitForFunction(() => Object.keys((window as unknown as { __handlers: object }).__handlers).length === 4);
    const shown = await page.evaluate(async () => {
      const w = window as unknown as { __handlers: Record<string, (e: { completed: () => void }) => void>; __shown: number };
      await new Promise<void>((resolve) => w.__handlers.openReports({ completed: resolve }));
      return w.__shown;
    });
    expect(shown).toBe(1);
    // Only one navigation module instance on the page makes this tab switch: separate bundles would each own one.
    await page.waitForSelector('[data-testid="tab-reports"][aria-selected="true"]', { timeout: 5000 });
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (window as unknown as { __handlers: Record<string, (e: { completed: () => void }) => void> }).__handlers.openCheck({
            completed: resolve,
          }),
        ),
    );
    await page.waitForSelector('[data-testid="tab-check"][aria-selected="true"]', { timeout: 5000 });
    expect(errors.filter((e) => /CustomFunctions/.test(e))).toEqual([]);
  } finally {
    await page.close();
  }
});

test('outside Office (office.js unavailable) the functions and commands bundles do not throw', async () => {
  const { page, errors } = await open(null);
  try {
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(errors.filter((e) => /CustomFunctions|Office is not defined|functions\.js|commands\./.test(e))).toEqual([]);
  } finally {
    await page.close();
  }
});
