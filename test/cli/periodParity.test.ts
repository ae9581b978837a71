/**
 * The pane's 本周报告 / 本月报告 and the kit's `report --store` over the same rows give the same report: the rows
 * (some with errors) are written to an .xlsx and collected by the kit, and seeded into the in-memory workbook for
 * the pane's code path; then every part of the two period reports is compared.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCollect } from '../../src/cli/commands/collect';
import { runStoreReport } from '../../src/cli/commands/storeReport';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import type { LogEntry } from '../../src/core/schema';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { computePeriodReport } from '../../src/taskpane/reports/periodReport';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { ROOT } from './buildCli';

const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'parity-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const TODAY = '2026-03-20';

function io() {
  const out: string[] = [];
  return { out, io: { out: (s: string) => void out.push(s), err: () => undefined, progress: false } };
}

const rows: LogEntry[] = generateRows(1500, 3, { endDate: '2026-03-15', days: 450 });
// A few rows with errors: a deal without amount, a 否 without reason.
for (const i of [10, 200, 1400]) rows[i] = { ...rows[i], deal: '是', amount: null, quantity: 1, dealType: '零售', noDealReason: null, followUp: null, nextFollowUp: null };
rows[1450] = { ...rows[1450], deal: '否', amount: null, quantity: null, dealType: null, noDealReason: null, followUp: '已跟进', nextFollowUp: null };

let store: string;
beforeAll(async () => {
  const folder = path.join(dir, 'in');
  fs.mkdirSync(folder);
  await writeTemplate(path.join(folder, '本店.xlsx'), { lang: 'zh-CN', rows, lists: SAMPLE_LISTS });
  store = path.join(dir, 's.duckdb');
  expect(await runCollect([folder], { lang: 'zh-CN', store, threads: 0, today: TODAY }, io().io)).toBe(0);
}, 60_000);

test.each([
  ['week', '2026-03-11'],
  ['week', '2026-01-01'],
  ['month', '2026-02-10'],
  ['month', '2025-03-31'],
] as const)('%s of %s: the pane and the CLI agree on every figure', async (kind, date) => {
  const cli = io();
  expect(await runStoreReport({ lang: 'zh-CN', store, period: kind, date, client: '本店', json: true, today: TODAY }, cli.io)).toBe(0);
  const { client, ...fromCli } = JSON.parse(cli.out.join('\n'));
  expect(client).toBe('本店');

  const wb = new MemoryWorkbook();
  await wb.insertTemplate({ lang: 'zh-CN' });
  await wb.seed(rows);
  const fromPane = JSON.parse(JSON.stringify(await computePeriodReport(wb, kind, TODAY, date)));

  expect(fromPane.quality).toEqual(fromCli.quality);
  expect(fromPane.quality.reduce((s: number, q: { rows: number }) => s + q.rows, 0)).toBeGreaterThanOrEqual(4);
  expect(fromPane.current).toEqual(fromCli.current);
  expect(fromPane.current.inquiries).toBeGreaterThan(0);
  expect(fromPane).toEqual(fromCli);
});
