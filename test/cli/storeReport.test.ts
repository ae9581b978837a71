/**
 * Period reports, the overview and export from the store. Figures are compared with plain SQL written here over the
 * store's table (not the production aggregation), and the xlsx period workbook is read back.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCollect } from '../../src/cli/commands/collect';
import { runExport } from '../../src/cli/commands/export';
import { runStoreReport } from '../../src/cli/commands/storeReport';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { ROOT } from './buildCli';

const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'store-report-'));
const store = path.join(dir, 's.duckdb');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), progress: false } };
}

async function sql(query: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(store);
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(query)).getRowsJS();
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  const folder = path.join(dir, 'in');
  fs.mkdirSync(folder);
  const clients = ['东莞灯具', '义乌小商品', '杭州女装'];
  for (let i = 0; i < clients.length; i++) {
    const rows = generateRows(400 + i * 150, 20 + i, { endDate: '2026-03-15', days: 420 });
    await writeTemplate(path.join(folder, `${clients[i]}.xlsx`), { lang: 'zh-CN', rows, lists: SAMPLE_LISTS });
  }
  expect(await runCollect([folder], { lang: 'zh-CN', store, threads: 0, today: '2026-03-16' }, io().io)).toBe(0);
}, 60_000);

/** Headline figures of one client in [from, to], plain SQL. */
async function plain(client: string, from: string, to: string) {
  const [[inquiries, deals, amount]] = await sql(
    `SELECT count(*), count(*) FILTER (WHERE deal = '是'), coalesce(sum(amount) FILTER (WHERE deal = '是'), 0)
     FROM log_rows WHERE client = '${client}' AND problems = '' AND date BETWEEN '${from}' AND '${to}'`,
  );
  return { inquiries: Number(inquiries), deals: Number(deals), amount: Math.round(Number(amount) * 100) / 100 };
}

test('a client week report: this week, 环比 and 同比 equal plain SQL; 2026-W10 is 2026-03-02 … 03-08', async () => {
  const r = io();
  expect(await runStoreReport({ lang: 'zh-CN', store, period: 'week', date: '2026-03-04', client: '义乌小商品', json: true, today: '2026-03-16' }, r.io)).toBe(0);
  const report = JSON.parse(r.out.join('\n'));
  expect(report.period).toEqual({ kind: 'week', start: '2026-03-02', end: '2026-03-08', label: '2026-W10' });
  expect(report.current).toMatchObject(await plain('义乌小商品', '2026-03-02', '2026-03-08'));
  expect(report.previous.figures).toMatchObject(await plain('义乌小商品', '2026-02-23', '2026-03-01'));
  // 2025-W10: 2025-03-03 … 03-09 (the data reaches back to January 2025).
  expect(report.yearAgo.period.label).toBe('2025-W10');
  expect(report.yearAgo.figures).toMatchObject(await plain('义乌小商品', '2025-03-03', '2025-03-09'));
  expect(report.current.inquiries).toBeGreaterThan(0);
});

test('a month report where the store does not reach a year back: 同比 is null, not zero', async () => {
  const r = io();
  expect(await runStoreReport({ lang: 'en-US', store, period: 'month', date: '2025-02', client: '东莞灯具', json: true, today: '2026-03-16' }, r.io)).toBe(0);
  const report = JSON.parse(r.out.join('\n'));
  expect(report.period).toMatchObject({ start: '2025-02-01', end: '2025-02-28' });
  expect(report.current).toMatchObject(await plain('东莞灯具', '2025-02-01', '2025-02-28'));
  expect(report.yearAgo.figures).toBeNull();
});

test('the period workbook: the figures, the eight reports and their charts, as the add-in lays them out', async () => {
  const out = path.join(dir, '周报.xlsx');
  const r = io();
  expect(await runStoreReport({ lang: 'zh-CN', store, period: 'week', date: '2026-03-04', client: '杭州女装', out, today: '2026-03-16' }, r.io)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['周报 2026-W10']);
  const ws = wb.worksheets[0];
  const expected = await plain('杭州女装', '2026-03-02', '2026-03-08');
  expect(ws.getCell('A1').value).toBe('杭州女装 周报 2026-W10（2026-03-02 ~ 2026-03-08）');
  expect(ws.getCell('A5').value).toBe('询盘数');
  expect(ws.getCell('B5').value).toBe(expected.inquiries);
  expect(ws.getCell('B6').value).toBe(expected.deals);
  expect(ws.getCell('B8').value).toBe(expected.amount);
  expect(ws.getCell('B7').numFmt).toBe('0.0%');
  // The eight report titles are on the sheet.
  const texts = new Set<string>();
  ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.add(c.value))));
  for (const title of ['渠道转化', '地区分布', '客户结构', '未成交原因', '商品热销/滞销', '客服业绩', '日趋势', '跟进看板']) expect(texts.has(title)).toBe(true);
  // Three charts over the sheet's own cells: no-deal reasons, channels, daily trend.
  const charts = await chartParts(out);
  expect(charts).toHaveLength(3);
  expect(charts.join('\n')).toMatch(/<c:barChart>/);
  expect(charts.join('\n')).toMatch(/<c:lineChart>/);
  expect(charts.every((x) => x.includes("'周报 2026-W10'!$B$"))).toBe(true);
});

/** The chart parts of an .xlsx (xl/charts/chartN.xml), as text. */
async function chartParts(file: string): Promise<string[]> {
  const { openArchive } = await import('../../src/cli/xlsx/zip');
  const zip = await openArchive(file);
  const parts: string[] = [];
  for (const name of zip.names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))) {
    let text = '';
    await zip.readText(name, (t) => void (text += t));
    parts.push(text.replace(/&apos;/g, "'"));
  }
  zip.close();
  return parts;
}

test('--all-clients writes one report per client; an unknown client is one line, exit 2', async () => {
  const outDir = path.join(dir, 'monthly');
  expect(await runStoreReport({ lang: 'zh-CN', store, period: 'month', date: '2026-02-10', allClients: true, outDir, today: '2026-03-16' }, io().io)).toBe(0);
  expect(fs.readdirSync(outDir).sort()).toEqual(['东莞灯具_月报_2026-02.xlsx', '义乌小商品_月报_2026-02.xlsx', '杭州女装_月报_2026-02.xlsx']);
  // Again without --force: refused in one line, nothing replaced.
  const before = fs.statSync(path.join(outDir, '东莞灯具_月报_2026-02.xlsx')).mtimeMs;
  const again = io();
  expect(await runStoreReport({ lang: 'zh-CN', store, period: 'month', date: '2026-02-10', allClients: true, outDir, today: '2026-03-16' }, again.io)).toBe(2);
  expect(again.err).toHaveLength(1);
  expect(again.err[0]).toContain('东莞灯具_月报_2026-02.xlsx');
  expect(fs.statSync(path.join(outDir, '东莞灯具_月报_2026-02.xlsx')).mtimeMs).toBe(before);
  expect(await runStoreReport({ lang: 'zh-CN', store, period: 'month', date: '2026-02-10', allClients: true, outDir, today: '2026-03-16', force: true }, io().io)).toBe(0);
  const r = io();
  expect(await runStoreReport({ lang: 'en-US', store, period: 'month', client: 'nobody', json: true }, r.io)).toBe(2);
  expect(r.err).toEqual(['The store holds no client "nobody"']);
  const bad = io();
  expect(await runStoreReport({ lang: 'en-US', store, period: 'fortnight', client: 'x', json: true }, bad.io)).toBe(2);
  expect(bad.err).toEqual(['--period must be week or month, not "fortnight"']);
});

test('overview: one row per client, ordered by the conversion drop computed in plain SQL', async () => {
  const r = io();
  expect(await runStoreReport({ lang: 'zh-CN', store, period: 'month', date: '2026-02-01', overview: true, json: true, today: '2026-03-16' }, r.io)).toBe(0);
  const o = JSON.parse(r.out.join('\n'));
  const rows = await sql(`
    WITH m AS (SELECT client,
      avg(CASE WHEN deal = '是' THEN 1 ELSE 0 END) FILTER (WHERE date BETWEEN '2026-02-01' AND '2026-02-28') AS now,
      avg(CASE WHEN deal = '是' THEN 1 ELSE 0 END) FILTER (WHERE date BETWEEN '2026-01-01' AND '2026-01-31') AS before,
      count(*) FILTER (WHERE date BETWEEN '2026-02-01' AND '2026-02-28') AS n
      FROM log_rows WHERE problems = '' GROUP BY client)
    SELECT client, now - before AS drop, n FROM m ORDER BY drop, client`);
  expect(o.clients.map((c: { client: string }) => c.client)).toEqual(rows.map((x) => x[0]));
  const out = path.join(dir, '总览.xlsx');
  expect(await runStoreReport({ lang: 'zh-CN', store, period: 'month', date: '2026-02-01', overview: true, out, today: '2026-03-16' }, io().io)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect([1, 2, 3].map((i) => wb.worksheets[0].getCell(3 + i, 1).value)).toEqual(rows.map((x) => x[0]));
  const charts = await chartParts(out);
  expect(charts).toHaveLength(1);
  expect(charts[0]).toContain("'客户总览'!$E$4:$E$6");
  o.clients.forEach((c: { conversionChange: number; current: { inquiries: number } }, i: number) => {
    expect(c.conversionChange).toBeCloseTo(rows[i][1] as number, 12);
    expect(c.current.inquiries).toBe(Number(rows[i][2]));
  });
});

test('export: parquet and csv hold every row; xlsx refuses more rows than a sheet holds', async () => {
  const parquet = path.join(dir, 'all.parquet');
  const csv = path.join(dir, 'all.csv');
  expect(await runExport({ lang: 'en-US', store, format: 'parquet', out: parquet }, io().io)).toBe(0);
  expect(await runExport({ lang: 'en-US', store, format: 'csv', out: csv }, io().io)).toBe(0);
  const [[total]] = await sql('SELECT count(*) FROM log_rows');
  expect(await sql(`SELECT count(*) FROM read_parquet('${parquet}')`)).toEqual([[total]]);
  expect(fs.readFileSync(csv, 'utf8').trim().split('\n').length).toBe(Number(total) + 1);

  const xlsx = path.join(dir, 'all.xlsx');
  expect(await runExport({ lang: 'en-US', store, format: 'xlsx', out: xlsx }, io().io)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets[0].rowCount).toBe(Number(total) + 1);

  // Fill the store past Excel's 1,048,576 rows.
  await sql(`INSERT INTO log_rows (workbook, client, sheet, sheet_row, row_hash, problems, ingested_at)
             SELECT 'bulk', 'bulk', 's', i, 'h', '', TIMESTAMP '2026-01-01' FROM range(1048576) t(i)`);
  const r = io();
  expect(await runExport({ lang: 'en-US', store, format: 'xlsx', out: path.join(dir, 'big.xlsx') }, r.io)).toBe(2);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).toMatch(/more than the 1048576 rows an Excel sheet holds; use --format parquet or csv/);
  expect(fs.existsSync(path.join(dir, 'big.xlsx'))).toBe(false);
});
