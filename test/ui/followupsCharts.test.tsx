/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { todayIso } from '../../src/core/dates';
import { addDays } from '../../src/core/followups';
import { mapHeaders, type LogEntry } from '../../src/core/schema';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { reportChart } from '../../src/taskpane/charts/model';
import { aggregate } from '../../src/core/reports/aggregate';
import { REPORT_IDS } from '../../src/core/reportIds';
import FollowUpsView from '../../src/taskpane/views/FollowUpsView';
import ReportPreview from '../../src/taskpane/reports/ReportPreview';
import SummaryPanel from '../../src/taskpane/reports/SummaryPanel';
import { renderPane } from './renderPane';

const today = todayIso();
function row(over: Partial<LogEntry>): LogEntry {
  return {
    date: today, agent: '客服1', customerId: 'c', customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '浙江',
    product: '示例商品A', quantity: 1, amount: 100, deal: '是', dealType: '零售', noDealReason: null, followUp: null, nextFollowUp: null, note: null,
    ...over,
  };
}
const pending = (customerId: string, next: string, over: Partial<LogEntry> = {}) =>
  row({ customerId, deal: '否', quantity: null, amount: null, dealType: null, noDealReason: '价格高', followUp: '待跟进', nextFollowUp: next, date: addDays(today, -10), ...over });

beforeEach(() => localStorage.clear());

describe('follow-ups view', () => {
  async function open() {
    const wb = new MemoryWorkbook();
    await wb.seed([pending('soon', addDays(today, 2)), pending('late', addDays(today, -4), { note: '要发票' }), pending('now', today), row({ customerId: 'deal' })]);
    await renderPane(<FollowUpsView />, wb);
    await screen.findByTestId('followups-list');
    return wb;
  }
  const cellsOf = (wb: MemoryWorkbook, r: number) => {
    const log = wb.snapshot().log!;
    const p = mapHeaders(log.headers).positions;
    return [log.rows[r][p.followUp!], log.rows[r][p.nextFollowUp!]];
  };

  it('lists the due rows, overdue first and marked, and records 已转化 on that row only', async () => {
    const wb = await open();
    const items = within(screen.getByTestId('followups-list')).getAllByRole('group');
    expect(items.map((i) => i.getAttribute('data-row'))).toEqual(['1', '2']);
    expect(items[0].textContent).toContain('逾期 4 天');
    expect(items[0].textContent).toContain('要发票');
    expect(items[1].textContent).toContain('今天到期');
    const before = wb.snapshot().log!.rows.map((r) => [...r]);
    fireEvent.click(within(items[0]).getByRole('button', { name: '已转化' }));
    expect(await screen.findByText('第 3 行已记为“已转化”。')).toBeTruthy();
    const after = wb.snapshot().log!.rows;
    expect(cellsOf(wb, 1)[0]).toBe('已转化');
    after.forEach((r, i) => i !== 1 && expect(r).toEqual(before[i]));
    await waitFor(() => expect(within(screen.getByTestId('followups-list')).getAllByRole('group')).toHaveLength(1));
  });

  it('rejects a 下次跟进 in the past with one line and writes nothing', async () => {
    const wb = await open();
    const item = within(screen.getByTestId('followups-list')).getAllByRole('group')[0];
    fireEvent.change(within(item).getByLabelText('下次跟进'), { target: { value: addDays(today, -1) } });
    const before = JSON.stringify(wb.snapshot().log);
    fireEvent.click(within(item).getByRole('button', { name: '已跟进' }));
    expect(await screen.findByText('下次跟进日期不能早于今天。')).toBeTruthy();
    expect(JSON.stringify(wb.snapshot().log)).toBe(before);
  });
});

test('a long list renders 50 rows at a time', async () => {
  const wb = new MemoryWorkbook();
  await wb.seed(Array.from({ length: 60 }, (_, i) => pending(`c${i}`, addDays(today, -(i % 7)))));
  await renderPane(<FollowUpsView />, wb);
  const list = await screen.findByTestId('followups-list');
  expect(within(list).getAllByRole('group')).toHaveLength(50);
  fireEvent.click(screen.getByRole('button', { name: '再显示 10 条（共 60 条）' }));
  expect(within(list).getAllByRole('group')).toHaveLength(60);
  expect(screen.getByTestId('followups-count').getAttribute('data-due')).toBe('60');
});

describe('charts', () => {
  it('Home: a 30-day line and a Pareto of no-deal reasons, with figures in their text alternative', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed([row({}), row({ customerId: 'x' }), pending('p', today), pending('q', today, { noDealReason: '比价中' }), pending('r', today)]);
    await renderPane(<SummaryPanel />, wb);
    const charts = await screen.findByTestId('home-charts');
    const imgs = within(charts).getAllByRole('img');
    expect(imgs).toHaveLength(2);
    expect(imgs[0].textContent).toContain('5 条询盘、2 笔成交');
    expect(imgs[1].textContent).toContain('价格高 2（累计 66.7%）');
    expect(charts.querySelectorAll('[data-kind="line"] polyline')).toHaveLength(2);
    expect(Array.from(charts.querySelectorAll('[data-kind="pareto"] rect')).map((r) => r.getAttribute('data-value'))).toEqual(['2', '1']);
    expect(screen.getByTestId('home-followups').getAttribute('data-due')).toBe('3');
  });

  it('Reports preview: a chart beside each report that DESIGN.md gives one', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed([row({}), row({ customerId: 'b', channel: '电话' }), pending('p', today)]);
    await renderPane(<ReportPreview />, wb, 'en-US');
    await screen.findByTestId('report-preview');
    const kinds = REPORT_IDS.map((id) => document.querySelector(`[data-report="${id}"] [data-testid="chart"]`)?.getAttribute('data-kind') ?? 'none');
    expect(kinds).toEqual(['column', 'bar', 'stackedColumn', 'pareto', 'none', 'column', 'line', 'none']);
  });

  it('chart data follow the aggregated reports', () => {
    const res = aggregate([row({}), row({ customerId: 'b' }), row({ customerId: 'c', channel: '电话', deal: '否', amount: null, quantity: null, dealType: null, noDealReason: '价格高', followUp: '已流失' })]);
    const channel = reportChart('channel', res.channel, 'zh-CN')!;
    expect(channel.categories).toEqual(['微信', '电话']);
    expect(channel.series.map((s) => [s.label, s.values])).toEqual([['询盘数', [2, 1]], ['成交数', [2, 0]]]);
    const mix = reportChart('customerMix', res.customerMix, 'en-US')!;
    expect(mix.series.map((s) => [s.label, s.values])).toEqual([['Retail', [2]], ['(blank)', [1]]]);
    expect(reportChart('products', res.products, 'zh-CN')).toBeNull();
  });
});
