/**
 * `npm start` on a machine without desktop Excel prints how to load the add-in into Excel on the web; the steps must
 * name the real manifest path, the upload menu, the certificate step and the browser demo.
 */
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webInstructions } = require('../../scripts/start.js') as { webInstructions: (selfSigned: boolean) => string };

test.each([true, false])('Excel on the web instructions (self-signed certificate: %s)', (selfSigned) => {
  const text = webInstructions(selfSigned);
  expect(text).toContain(path.resolve(__dirname, '../../manifest.xml'));
  expect(text).toContain('Insert → Add-ins → My Add-ins → Upload My Add-in');
  expect(text).toMatch(/certificate/);
  expect(text).toContain('https://localhost:3000/taskpane.html?demo');
  expect(text).toContain('Serving until Ctrl+C');
});
