/**
 * 本周报告 / 本月报告 through the Office.js code against the counting fake: the whole period grid lands on its own
 * sheet with its charts in 2 syncs (3 when the sheet is rewritten), user text stays text, and a rebuild replaces
 * the sheet's content and charts instead of adding to them.
 */
import { periodReport } from '../../src/core/periods/periodReport';
import { periodGrid } from '../../src/core/periods/periodSheet';
import { computePeriodReport, writePanePeriodReport } from '../../src/taskpane/reports/periodReport';
import { entry, setup } from './helpers';

async function withLog() {
  const ctx = setup();
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  await ctx.wb.appendEntry(entry({ date: '2026-05-04', customerId: 'a' }));
  await ctx.wb.appendEntry(entry({ date: '2026-05-05', customerId: '=HYPERLINK("x")', deal: '否', dealType: null, noDealReason: '价格高', followUp: '待跟进', nextFollowUp: '2026-05-06', amount: null, quantity: null }));
  await ctx.wb.appendEntry(entry({ date: '2026-04-28', customerId: 'c', channel: '电话' }));
  ctx.fx.resetCounters();
  return ctx;
}

test('the week report: grid values on a new sheet, charts beside it, in 2 syncs', async () => {
  const { fx, wb } = await withLog();
  const report = await computePeriodReport(wb, 'week', '2026-05-08');
  fx.resetCounters();
  const grid = periodGrid(report, 'zh-CN', '');
  const written = await wb.writePeriodReport(grid);
  expect(fx.syncs).toBe(2);
  expect(written).toEqual({ sheet: '周报 2026-W19', rows: grid.values.length, charts: 3 });
  const sheet = fx.sheet('周报 2026-W19')!;
  // Headline: 询盘数 2 this week (05-04, 05-05), 1 the week before (04-28).
  expect(fx.cell(sheet, 4, 0).value).toBe('询盘数');
  expect(fx.cell(sheet, 4, 1).value).toBe(2);
  expect(fx.cell(sheet, 4, 2).value).toBe(1);
  expect(fx.cell(sheet, 4, 3).value).toBe(1);
  // The overdue 待跟进 row: its customer ID starts with "=" and stays text, never a formula.
  const backlogRow = grid.values.findIndex((r) => r[2] === '=HYPERLINK("x")');
  expect(backlogRow).toBeGreaterThan(0);
  expect(fx.cell(sheet, backlogRow, 2)).toMatchObject({ value: '=HYPERLINK("x")', formula: null });
  expect(sheet.charts.map((c) => c.type)).toEqual(['BarClustered', 'ColumnClustered', 'Line']);
  expect(sheet.charts.every((c) => c.boundPivot === undefined)).toBe(true);
});

test('writing the same period again replaces the sheet (3 syncs), never duplicates charts', async () => {
  const { fx, wb } = await withLog();
  await writePanePeriodReport(wb, 'week', 'zh-CN', '2026-05-08');
  const grid = periodGrid(await computePeriodReport(wb, 'week', '2026-05-08'), 'zh-CN', '');
  fx.resetCounters();
  await wb.writePeriodReport(grid);
  expect(fx.syncs).toBe(3);
  expect(fx.sheet('周报 2026-W19')!.charts).toHaveLength(3);
});

test('an empty month writes zero figures and no charts', async () => {
  const { fx, wb } = await withLog();
  const r = periodReport([], { kind: 'month', date: '2026-02-10', today: '2026-05-08' });
  const written = await wb.writePeriodReport(periodGrid(r, 'en-US', ''));
  expect(written).toMatchObject({ sheet: 'Monthly report 2026-02', charts: 0 });
  expect(fx.cell(fx.sheet('Monthly report 2026-02')!, 4, 1).value).toBe(0);
});
