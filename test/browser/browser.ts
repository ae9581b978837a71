/**
 * Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * the built dist/ served locally, Microsoft's CDN answered with the genuine office.js from the @microsoft/office-js
 * package (the same library the production page loads), and every other outside request refused so nothing leaves
 * the machine.
 */
import { existsSync, mkdirSync } from 'fs';
import { dirname, join, normalize, resolve, sep } from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './serve';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = resolve(process.env.SHOP_STATS_DIST ?? join(__dirname, '../../dist'));
export const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots');
/** The production page's office.js address; everything office.js loads lies below the same folder. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** The npm copy of that folder (@microsoft/office-js ships the hosted files in dist/). */
export const OFFICE_JS_DIST = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * How the page gets office.js: `genuine` serves Microsoft's library from the npm package (outside Office, onReady
 * resolves with no host and `Excel` stays undefined); `absent` simulates the CDN failing (the script loads nothing).
 */
export type OfficeSource = 'genuine' | 'absent';

/** The local file behind a CDN address, or null when the address leaves the package folder or names no file. */
export function officeJsFile(url: string): string | null {
  if (!url.startsWith(OFFICE_CDN)) return null;
  const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
  const file = normalize(join(OFFICE_JS_DIST, rel));
  if (!file.startsWith(OFFICE_JS_DIST + sep) || !existsSync(file)) return null;
  return file;
}

export interface Harness {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

export function requireDist(dist = DIST): void {
  if (!existsSync(join(dist, 'taskpane.html'))) {
    throw new Error(`${dist}/taskpane.html is missing: run \`npm run build\` first (npm test's pretest step does it).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
}

export async function startHarness(): Promise<Harness> {
  requireDist();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface PageWatch {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export async function openPage(h: Harness, path: string, office: OfficeSource = 'genuine', options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<PageWatch> {
  const context = await h.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, locale: 'zh-CN', colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Name the failing URL (the console only says "404").
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(h.server.url)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      if (office === 'absent') return route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js unavailable */' });
      const file = officeJsFile(url);
      return file ? route.fulfill({ path: file }) : route.fulfill({ status: 404, body: '' });
    }
    return route.abort();
  });
  await page.goto(h.server.url + path);
  return { page, errors };
}

/** A form control by its visible label (a required field's label ends with "*"). */
export function control(page: Page, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
