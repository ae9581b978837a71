/**
 * End-to-end: the pane's 平台数据 view on the browser demo workbook, in real Chromium, with generated export files
 * picked through the file input — a refused file first, then .xlsx / .xls / UTF-8 .csv exports; the preview, the
 * import, the funnel shown (checked against core's computeFunnel over the same rows and the demo's log), a
 * re-import that changes nothing, and the plan sheet.
 */
import { todayIso, isoToSerial, serialToIso } from '../../src/core/dates';
import { computeFunnel } from '../../src/core/platform/funnel';
import { funnelLogFromSnapshot } from '../../src/core/platform/funnelLog';
import { mergePlatformRows } from '../../src/core/platform/merge';
import { mapHeaders } from '../../src/core/schema';
import { agentsUtf8Csv, days, platformTruth, productTruthAsExported, productXls, shopXlsx } from '../support/platformExports';
import { openPage, screenshot, startHarness, type Harness } from './browser';

jest.setTimeout(180_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const file = (name: string, mimeType: string, bytes: Uint8Array) => ({ name, mimeType, buffer: Buffer.from(bytes) });

it('imports generated exports into the demo workbook and shows the funnel', async () => {
  const { page, errors } = await openPage(h, 'taskpane.html?demo&seed=300');
  await page.getByText('记录行数：300').waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: '平台数据' }).click();
  await page.getByRole('heading', { name: '导入平台数据' }).waitFor();

  // The demo's log runs up to today: the exports cover the last three days.
  const DAYS = days(serialToIso(isoToSerial(todayIso()) - 2), 3);
  const truth = platformTruth(DAYS, 77);
  const input = page.getByTestId('import-files');

  await input.setInputFiles([file('shop.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', shopXlsx(truth.shop)), file('orders.csv', 'text/csv', new TextEncoder().encode('订单号,金额\n1,2\n'))]);
  await page.getByRole('alert').filter({ hasText: 'orders.csv：无法识别的导出文件' }).waitFor();
  expect(await page.getByTestId('import-run').isDisabled()).toBe(true);

  const files = [
    file('【生意参谋平台】商品_全部.xls', 'application/vnd.ms-excel', productXls(truth.products)),
    file('shop.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', shopXlsx(truth.shop)),
    file('qn.csv', 'text/csv', agentsUtf8Csv(truth.agents)),
  ];
  await input.setInputFiles(files);
  const preview = page.getByTestId('import-preview');
  await preview.getByText(`qn.csv：客服绩效导出，9 行，${DAYS[0]} 至 ${DAYS[2]}（已去掉汇总行 1 行）`).waitFor();
  await preview.getByText(`【生意参谋平台】商品_全部.xls：流量/商品导出，9 行，${DAYS[0]} 至 ${DAYS[2]}（已去掉汇总行 1 行）`).waitFor();
  await page.getByTestId('import-run').click();
  const result = page.getByTestId('import-result');
  await result.waitFor();
  await result.getByText('平台流量：新增 3 行，更新 0 行，未变 0 行，移除 0 行').waitFor();
  await result.getByText('客服绩效：新增 9 行，更新 0 行，未变 0 行，移除 0 行').waitFor();

  // The numbers on screen are core's funnel over the same rows and the demo's log.
  const snap = await page.evaluate(() => window.__shopStatsDemo!.workbook.snapshot());
  expect(snap.tables).toEqual(expect.arrayContaining(['平台流量', '客服绩效']));
  expect(snap.sheets).toEqual(expect.arrayContaining(['平台数据', '漏斗']));
  const log = funnelLogFromSnapshot({ headers: snap.log!.headers, positions: mapHeaders(snap.log!.headers).positions, rows: snap.log!.rows, firstSheetRow: 2 });
  const traffic = mergePlatformRows('traffic', mergePlatformRows('traffic', [], productTruthAsExported(truth.products)).rows, truth.shop.map((r) => ({ ...r, refunds: null }))).rows;
  const expected = computeFunnel({ traffic, agents: truth.agents, log });
  const rows = page.locator('[data-testid="funnel-daily"] tbody tr');
  expect(await rows.count()).toBe(3);
  const first = await rows.nth(0).locator('td').allTextContents();
  const d = expected.daily[0].values;
  expect(first.slice(0, 6)).toEqual([DAYS[0], String(d.visitors), String(d.inquirers), String(d.inquiryBuyers), String(d.payingBuyers), d.amountPaid!.toFixed(2)]);
  expect(first[9]).toBe(`${(d.paidCvr! * 100).toFixed(2)}%`);
  const reconcile = await page.locator('[data-testid="funnel-reconcileDaily"] tbody tr').nth(2).locator('td').allTextContents();
  const r = expected.reconcileDaily[2].values;
  expect(reconcile).toEqual([DAYS[2], String(r.logAll), String(r.logWangwang), String(r.platform), String(r.gap)]);
  expect(r.logAll).toBeGreaterThan(0);
  await screenshot(page, 'import-zh');

  // The same files again: nothing changes.
  await input.setInputFiles([]);
  await input.setInputFiles(files);
  await preview.getByText('qn.csv', { exact: false }).waitFor();
  await page.getByTestId('import-run').click();
  await result.getByText('客服绩效：新增 0 行，更新 0 行，未变 9 行，移除 0 行').waitFor();
  const again = await page.evaluate(() => window.__shopStatsDemo!.workbook.table('平台流量')!.rows.length);
  expect(again).toBe(12);

  await page.getByTestId('insert-plan').click();
  await page.getByText('已插入“计划”工作表（含示例）').waitFor();
  expect(await page.evaluate(() => window.__shopStatsDemo!.workbook.snapshot().tables)).toContain('库存计划');
  expect(errors).toEqual([]);
  await page.context().close();
});
