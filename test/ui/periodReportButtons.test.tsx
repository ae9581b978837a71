/** @jest-environment jsdom */
/** The Reports view's 本周报告 / 本月报告: the figures of the open workbook's week or month, written to their sheet. */
import { fireEvent, screen } from '@testing-library/react';
import ReportsView from '../../src/taskpane/views/ReportsView';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { todayIso } from '../../src/core/dates';
import { periodOf } from '../../src/core/periods/period';
import type { LogEntry } from '../../src/core/schema';
import { renderPane } from './renderPane';

const today = todayIso();
const row = (over: Partial<LogEntry>): LogEntry => ({
  date: today, agent: '客服1', customerId: 'c', customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '浙江',
  product: '示例商品A', quantity: 1, amount: 100, deal: '是', dealType: '零售', noDealReason: null, followUp: null, nextFollowUp: null, note: null,
  ...over,
});

test('本周报告 writes this week\'s sheet with its headline and charts', async () => {
  const wb = new MemoryWorkbook();
  await wb.seed([row({ customerId: 'a' }), row({ customerId: 'b', amount: 300 }), row({ customerId: 'c', deal: '否', quantity: null, amount: null, dealType: null, noDealReason: '价格高', followUp: '已跟进' })]);
  await renderPane(<ReportsView />, wb);
  fireEvent.click(screen.getByRole('button', { name: '本周报告' }));
  const week = periodOf('week', today).label;
  expect(await screen.findByText(`已写入工作表“周报 ${week}”（3 个图表）`)).toBeTruthy();
  const grid = wb.periodSheets.get(`周报 ${week}`)!;
  // 询盘数 3, 成交数 2, 成交额 400, 客单价 200 this week.
  expect(grid.values.slice(4, 9).map((r) => r.slice(0, 2))).toEqual([['询盘数', 3], ['成交数', 2], ['转化率', 2 / 3], ['成交额', 400], ['客单价', 200]]);
});

test('This month in the English pane', async () => {
  const wb = new MemoryWorkbook();
  await wb.seed([row({ customerId: 'a' })]);
  await renderPane(<ReportsView />, wb, 'en-US');
  fireEvent.click(screen.getByRole('button', { name: 'This month' }));
  const month = periodOf('month', today).label;
  expect(await screen.findByText(`Written to sheet "Monthly report ${month}" (2 charts)`)).toBeTruthy();
});
