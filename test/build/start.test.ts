/**
 * `npm start` on a machine without desktop Excel prints how to load the add-in into Excel on the web; the steps must
 * name the real manifest path, the upload menu, the certificate step and the browser demo.
 */
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webInstructions, debuggingCommand } = require('../../scripts/start.js') as {
  webInstructions: (selfSigned: boolean) => string;
  debuggingCommand: (args: string[], platform?: string) => [string, string[]];
};

test.each([true, false])('Excel on the web instructions (self-signed certificate: %s)', (selfSigned) => {
  const text = webInstructions(selfSigned);
  expect(text).toContain(path.resolve(__dirname, '../../manifest.xml'));
  expect(text).toContain('Insert → Add-ins → My Add-ins → Upload My Add-in');
  expect(text).toMatch(/certificate/);
  expect(text).toContain('https://localhost:3000/taskpane.html?demo');
  expect(text).toContain('Serving until Ctrl+C');
});

test.each([
  ['win32', 'npm.cmd'],
  ['darwin', 'npm'],
])('desktop sideloading fetches office-addin-debugging on demand (%s)', (platform, npm) => {
  const [cmd, args] = debuggingCommand(['start', 'manifest.xml', 'desktop'], platform);
  expect(cmd).toBe(npm);
  expect(args).toEqual(['exec', '--yes', '--package=office-addin-debugging@7', '--', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop']);
});

test('the sideloading tool chain is not installed by npm install (it builds the native keytar module)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lock = require('../../package-lock.json') as { packages: Record<string, { optional?: boolean }> };
  const names = Object.keys(lock.packages);
  expect(names.filter((n) => /node_modules\/(keytar|office-addin-debugging|office-addin-dev-settings)$/.test(n))).toEqual([]);
});
