/**
 * collect, report --store and export through the compiled bin, where files are read on worker threads (the
 * in-process tests read on the main thread): the same per-client lines, one line per unreadable file, no stack.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { buildCli, ROOT, runBin } from './buildCli';

let bin: string;
const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'collect-bin-'));
beforeAll(async () => {
  bin = buildCli();
  for (let i = 0; i < 4; i++) {
    await writeTemplate(path.join(dir, `client-${i}.xlsx`), { lang: 'zh-CN', rows: generateRows(50 + i, 30 + i, { endDate: '2026-03-15' }), lists: SAMPLE_LISTS });
  }
  fs.writeFileSync(path.join(dir, 'broken.xlsx'), 'PK\u0003\u0004 not really');
}, 120_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
});

test('worker threads collect every readable file; the broken one is one line; exit 2', () => {
  const store = path.join(dir, 's.duckdb');
  const r = runBin(bin, ['collect', dir, '--store', store, '--lang', 'en-US']);
  expect(r.status).toBe(2);
  const lines = r.stdout.trim().split('\n');
  expect(lines.filter((l) => /^client-\d: \+\d+ new, ~0 changed, −0 removed, 0 rows with errors$/.test(l)).sort()).toEqual([
    'client-0: +50 new, ~0 changed, −0 removed, 0 rows with errors',
    'client-1: +51 new, ~0 changed, −0 removed, 0 rows with errors',
    'client-2: +52 new, ~0 changed, −0 removed, 0 rows with errors',
    'client-3: +53 new, ~0 changed, −0 removed, 0 rows with errors',
  ]);
  expect(lines[lines.length - 1]).toBe(`5 files processed; store ${store} holds 206 rows`);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/broken\.xlsx/);
  expect(r.stderr).not.toMatch(/\n\s+at /);

  const json = runBin(bin, ['report', '--store', store, '--overview', '--period', 'month', '--date', '2026-03', '--json']);
  expect(json.status).toBe(0);
  expect(JSON.parse(json.stdout).clients).toHaveLength(4);

  const bad = runBin(bin, ['report', '--store', path.join(dir, 'none.duckdb'), '--client', 'x', '--period', 'week', '--json', '--lang', 'en-US']);
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim()).toBe(`Store ${path.join(dir, 'none.duckdb')} not found; run shop-stats collect first`);
});
