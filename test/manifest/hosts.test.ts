/**
 * Which hosts can install the add-in follows from the manifest's requirements: SharedRuntime 1.1 exists only on
 * Excel on the web, Windows Version 2002+ (Microsoft 365 / retail), volume-licensed Excel 2021+ and Mac 16.35+
 * (learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets), and each of those
 * has ExcelApi 1.8 (PivotTables). The README must say exactly that, and must not promise a no-PivotTable host.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('the manifest requires the shared runtime 1.1 (what limits the hosts)', () => {
  expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
});

test('the README lists the hosts that provide SharedRuntime 1.1, and those that do not', () => {
  const requirements = readme.slice(readme.indexOf('4. Requirements:'), readme.indexOf('## ', readme.indexOf('4. Requirements:')));
  expect(requirements).toContain('Excel on the web');
  expect(requirements).toContain('Version 2002 or later');
  expect(requirements).toContain('volume-licensed Excel 2021 or later');
  expect(requirements).toContain('Excel on Mac 16.35 or later');
  expect(requirements).toContain('Not Excel on iPad, and not volume-licensed Excel 2016 or 2019');
  expect(requirements).toContain('Every host\n   above also has the PivotTable API (ExcelApi 1.8)');
});

test('nothing in the README offers formula reports as the way for a host without PivotTables', () => {
  expect(readme).not.toMatch(/without (the )?PivotTable API|no PivotTable (API|support)|pivot cannot be built/i);
  expect(readme).not.toMatch(/Office 2019 or older/);
});
