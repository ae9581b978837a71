/** The end-to-end harness itself: a missing build fails loudly, and the static server serves only dist/. */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { OFFICE_JS_DIST, officeJsFile, requireDist } from './browser';
import { serveStatic } from './serve';

describe('e2e harness', () => {
  it('fails with a clear message when dist/ has not been built', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-dist-'));
    expect(() => requireDist(empty)).toThrow(/taskpane\.html is missing: run `npm run build` first/);
  });

  it('serves files under the root on 127.0.0.1 and nothing outside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'serve-'));
    writeFileSync(join(root, 'taskpane.html'), '<p>pane</p>');
    const server = await serveStatic(root);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const ok = await fetch(server.url + 'taskpane.html');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toContain('text/html');
      expect(await ok.text()).toBe('<p>pane</p>');
      expect((await fetch(server.url + '%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
      expect((await fetch(server.url + 'missing.js')).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('answers the office.js CDN address with the npm package\'s genuine files, and nothing outside that folder', () => {
    const cdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
    expect(officeJsFile(cdn + 'office.js')).toBe(join(OFFICE_JS_DIST, 'office.js'));
    expect(officeJsFile(cdn + 'excel-web-16.00.js')).toBe(join(OFFICE_JS_DIST, 'excel-web-16.00.js'));
    expect(officeJsFile(cdn + '%2e%2e/%2e%2e/package.json')).toBeNull();
    expect(officeJsFile(cdn + 'no-such-file.js')).toBeNull();
    expect(officeJsFile('https://example.com/office.js')).toBeNull();
  });
});
