/**
 * collect, report --store and export through the compiled bin, where files are read on worker threads (the
 * in-process tests read on the main thread): the same per-client lines, one line per unreadable file, no stack.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { spawn } from 'child_process';
import { DuckDBInstance } from '@duckdb/node-api';
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

  const noFiles = runBin(bin, ['report', '--lang', 'en-US']);
  expect(noFiles.status).toBe(2);
  expect(noFiles.stderr.trim()).toBe('give one or more .xlsx files, or a store with --store');
});

test('a run killed mid-way (SIGKILL) leaves every workbook whole: fully in the store or not at all', async () => {
  const folder = path.join(dir, 'many');
  fs.mkdirSync(folder);
  const source = path.join(dir, 'client-0.xlsx');
  for (let i = 0; i < 60; i++) fs.copyFileSync(source, path.join(folder, `shop-${String(i).padStart(2, '0')}.xlsx`));
  const store = path.join(dir, 'killed.duckdb');
  const printed: string[] = [];
  await new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [bin, 'collect', folder, '--store', store, '--lang', 'en-US'], { cwd: ROOT });
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      printed.push(...lines);
      if (printed.length >= 3) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  expect(printed.length).toBeGreaterThanOrEqual(3);
  expect(printed.some((l) => l.includes('files processed'))).toBe(false);
  const db = await DuckDBInstance.create(store);
  const c = await db.connect();
  const rows = (await c.runAndReadAll('SELECT client, count(*) FROM log_rows GROUP BY client')).getRows();
  const workbooks = (await c.runAndReadAll('SELECT count(*) FROM workbooks')).getRows();
  c.closeSync();
  db.closeSync();
  // Each client present has all 50 rows of its workbook and its workbooks entry; every client printed is there.
  expect(rows.every((r) => Number(r[1]) === 50)).toBe(true);
  expect(Number(workbooks[0][0])).toBe(rows.length);
  for (const line of printed) expect(rows.map((r) => r[0])).toContain(line.split(':')[0]);
  // The next run completes the rest and adds nothing twice.
  const r = runBin(bin, ['collect', folder, '--store', store, '--lang', 'en-US']);
  expect(r.status).toBe(0);
  expect(r.stdout.trim().split('\n').pop()).toBe(`60 files processed; store ${store} holds ${60 * 50} rows`);
});
