/** @jest-environment jsdom */
import './jsdomShims';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { META_TABLE } from '../../src/core/schema';
import { navigate, requestInsertTemplate } from '../../src/taskpane/navigation';
import { detectHost, isDarkColor } from '../../src/taskpane/hostInfo';
import { resetOutboxForTests } from '../../src/taskpane/entry/outboxRunner';

beforeEach(() => {
  localStorage.clear();
  resetOutboxForTests();
  act(() => navigate('home'));
});

describe('pane shell', () => {
  it('outside Office says to open the add-in in Excel, in both languages, with a demo link', () => {
    render(<App host={{ kind: 'browser', locale: 'en-US', dark: false }} />);
    expect(screen.getByRole('heading', { name: '请在 Excel 中打开 / Open this add-in in Excel' })).toBeTruthy();
    expect(screen.getByRole('link').getAttribute('href')).toBe('?demo');
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('detects a plain browser when office.js is missing or has no host', async () => {
    expect((await detectHost('')).kind).toBe('browser');
    (globalThis as unknown as { Office: unknown }).Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    try {
      expect((await detectHost('')).kind).toBe('browser');
      expect((await detectHost('?demo')).kind).toBe('demo');
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });

  it('follows a dark Office theme', () => {
    expect(isDarkColor('#1f1f1f')).toBe(true);
    expect(isDarkColor('#ffffff')).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });

  it('switches views from the tabs and from navigate() (ribbon commands), lazily', async () => {
    const wb = new MemoryWorkbook();
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    expect(await screen.findByRole('heading', { name: '工作簿状态' })).toBeTruthy();
    expect(await screen.findByText('此工作簿还没有询盘统计模板')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    expect(await screen.findByRole('heading', { name: '检查表格' })).toBeTruthy();
    act(() => navigate('entry'));
    expect(await screen.findByRole('heading', { name: '录入询盘' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '录入' }).getAttribute('aria-selected')).toBe('true');
  });

  it('inserts the template from Home and reports the changes', async () => {
    const wb = new MemoryWorkbook();
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    fireEvent.click(await screen.findByRole('button', { name: '插入模板' }));
    expect(await screen.findByText('已插入模板。')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('home-state').textContent).toContain('已有询盘统计模板（版本 2）'));
    expect(screen.queryByTestId('home-upgrade')).toBeNull();
    expect(wb.snapshot().log?.rows).toEqual([]);
  });

  it('Home says a version-1 workbook is older, and repair upgrades it with a summary', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    wb.table(META_TABLE)!.rows = wb.table(META_TABLE)!.rows.map((r) => (r[0] === 'version' ? ['version', 1] : r));
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    expect((await screen.findByTestId('home-upgrade')).textContent).toContain('模板版本 1 较旧（当前为 2）');
    fireEvent.click(screen.getByRole('button', { name: '检查并修复模板' }));
    expect(await screen.findByText(/从表格下方的空行移到表格列上（模板版本 1 → 2）/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('home-state').textContent).toContain('版本 2'));
    expect(screen.queryByTestId('home-upgrade')).toBeNull();
  });

  it('Home shows the agency and client of a kit workbook from its identity stamp', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    wb.table(META_TABLE)!.rows.push(['agency', '杭州某代运营'], ['client', '张三旗舰店']);
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    expect((await screen.findByTestId('home-identity')).textContent).toBe('代运营：杭州某代运营 · 客户：张三旗舰店');
  });

  it('language switch in Settings applies at once and persists per user', async () => {
    const wb = new MemoryWorkbook();
    const first = render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    act(() => navigate('settings'));
    fireEvent.click(await screen.findByLabelText('English（英文）'));
    expect(await screen.findByRole('tab', { name: 'Settings' })).toBeTruthy();
    expect(JSON.parse(localStorage.getItem('shopStats.v1.prefs') ?? '{}').lang).toBe('en-US');
    first.unmount();
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    expect(await screen.findByRole('tab', { name: 'Home' })).toBeTruthy();
  });

  it('inside Excel takes language and theme from Office', async () => {
    (globalThis as unknown as { Office: unknown }).Office = {
      onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
      context: { displayLanguage: 'en-US', officeTheme: { bodyBackgroundColor: '#262626' } },
    };
    try {
      expect(await detectHost('')).toEqual({ kind: 'office', locale: 'en-US', dark: true });
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });

  it('a ribbon "insert template" request reaches Home and inserts the template', async () => {
    const wb = new MemoryWorkbook();
    act(() => navigate('check'));
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    await screen.findByRole('heading', { name: '检查表格' });
    act(() => {
      navigate('home');
      requestInsertTemplate();
    });
    expect(await screen.findByText('已插入模板。')).toBeTruthy();
    expect((await wb.getState()).templatePresent).toBe(true);
  });

  it('asks which table is the log when two could be, then repairs with the one picked', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    const log = wb.tables.find((tb) => tb.name === '询盘统计')!;
    log.name = 'A';
    wb.tables.push({ ...log, name: 'B', rows: [] });
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    fireEvent.click(await screen.findByRole('button', { name: /^(插入模板|检查并修复模板)$/ }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('找到多个可能是询盘统计的表格。请选择要使用的表格：')).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText('B'));
    fireEvent.click(within(dialog).getByRole('button', { name: '使用此表' }));
    expect(await screen.findByText('已修复模板：')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(wb.tables.map((tb) => tb.name)).toEqual(expect.arrayContaining(['A', '询盘统计']));
    expect(wb.tables.map((tb) => tb.name)).not.toContain('B');
  });

  it('points to queued entries from any view', async () => {
    const entry = {
      date: '2026-11-20', agent: '客服1', customerId: 'queued_1', customerType: '零售客户', newOrReturning: '新客', channel: '微信',
      region: '浙江', product: '示例商品A', quantity: 1, amount: 10, deal: '是', dealType: '零售', noDealReason: null, followUp: null,
      nextFollowUp: null, note: null,
    };
    localStorage.setItem(
      'shopStats.v1.outbox',
      JSON.stringify([{ id: 'x1', entry, createdAt: 0, attempts: 1, lastError: { 'zh-CN': '无表', 'en-US': 'no table' }, retryable: false, nextAttemptAt: null }]),
    );
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={new MemoryWorkbook()} />);
    fireEvent.click(await screen.findByTestId('outbox-notice'));
    expect(await screen.findByRole('heading', { name: '录入询盘' })).toBeTruthy();
    expect(await screen.findByText(/queued_1/)).toBeTruthy();
    expect(screen.queryByTestId('outbox-notice')).toBeNull();
  });
});

