/** The end-to-end harness itself: a missing build fails loudly, and the static server serves only dist/. */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { requireDist } from './browser';
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
});
