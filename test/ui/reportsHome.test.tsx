/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ReportsView from '../../src/taskpane/views/ReportsView';
import { HomeView } from '../../src/taskpane/views/HomeView';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { todayIso } from '../../src/core/dates';
import type { LogEntry } from '../../src/core/schema';
import { paneSummary } from '../../src/taskpane/reports/summary';
import { renderPane } from './renderPane';

const today = todayIso();
function row(over: Partial<LogEntry>): LogEntry {
  return {
    date: today, agent: '客服1', customerId: 'c', customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '浙江',
    product: '示例商品A', quantity: 1, amount: 100, deal: '是', dealType: '零售', noDealReason: null, followUp: null, nextFollowUp: null, note: null,
    ...over,
  };
}
const NO_DEAL = { deal: '否', quantity: null, amount: null, dealType: null, followUp: '已跟进' };

describe('Reports view', () => {
  it('builds all reports, and one report, in the chosen mode', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed([row({ customerId: 'a' }), row({ customerId: 'b', ...NO_DEAL, noDealReason: '价格高' })]);
    await renderPane(<ReportsView />, wb);
    fireEvent.click(screen.getByRole('radio', { name: /公式表/ }));
    fireEvent.click(screen.getByRole('button', { name: '生成全部报表' }));
    expect(await screen.findByText('已在“报表”工作表生成 8 个报表')).toBeTruthy();
    expect(wb.snapshot().reports?.mode).toBe('formula');
    fireEvent.click(screen.getByRole('button', { name: '渠道转化' }));
    expect(await screen.findByText('已在“报表”工作表生成 1 个报表')).toBeTruthy();
    expect(wb.snapshot().reports?.built).toEqual(['channel']);
  });

  it('disables PivotTables with an explanation when the host lacks them', async () => {
    const wb = new MemoryWorkbook({ pivotSupported: false });
    await wb.insertTemplate({ lang: 'zh-CN' });
    await renderPane(<ReportsView />, wb);
    expect((screen.getByRole('radio', { name: '数据透视表' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('此版本的 Excel 不支持数据透视表 API，将使用公式表。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '生成全部报表' }));
    await waitFor(() => expect(wb.snapshot().reports?.mode).toBe('formula'));
  });

  it('previews the reports computed in TypeScript', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed([row({ customerId: 'a' }), row({ customerId: 'b', channel: '电话', ...NO_DEAL, noDealReason: '价格高' })]);
    await renderPane(<ReportsView />, wb, 'en-US');
    fireEvent.click(screen.getByRole('button', { name: 'Compute preview' }));
    const preview = await screen.findByTestId('report-preview');
    const channel = preview.querySelector('[data-report="channel"]') as HTMLElement;
    const wechat = within(channel.querySelector('table')!).getByText('WeChat').closest('tr') as HTMLElement;
    expect(Array.from(wechat.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['WeChat', '1', '1', '100.0%', '100.00']);
  });
});

describe('Home summary', () => {
  it('computes today / 7 / 30 days and top no-deal reasons', () => {
    const d = (n: number) => new Date(Date.parse(today) - n * 86400000).toISOString().slice(0, 10);
    const s = paneSummary(
      [
        row({ amount: 50 }),
        row({ date: d(3), ...NO_DEAL, noDealReason: '价格高' }),
        row({ date: d(5), ...NO_DEAL, noDealReason: '价格高' }),
        row({ date: d(20), ...NO_DEAL, noDealReason: '比价中' }),
        row({ date: d(40), amount: 999 }),
      ],
      today,
    );
    expect(s.periods.map((p) => [p.days, p.inquiries, p.deals, p.amount])).toEqual([
      [1, 1, 1, 50],
      [7, 3, 1, 50],
      [30, 4, 1, 50],
    ]);
    expect(s.periods[2].conversion).toBeCloseTo(0.25, 10);
    expect(s.topReasons.map((r) => [r.key, r.count])).toEqual([
      ['价格高', 2],
      ['比价中', 1],
    ]);
  });

  it('shows the workbook state and the summary table', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed([row({ customerId: 'a' }), row({ customerId: 'b', amount: 20.5 })]);
    await renderPane(<HomeView />, wb);
    expect(screen.getByText('记录行数：2')).toBeTruthy();
    const table = await screen.findByTestId('home-summary');
    await waitFor(() => expect(table.querySelector('tr[data-days="1"]')).not.toBeNull());
    const today1 = table.querySelector('tr[data-days="1"]') as HTMLElement;
    expect(Array.from(today1.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['今天', '2', '2', '100.0%', '120.50']);
  });
});
