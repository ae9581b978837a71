/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import EntryView from '../../src/taskpane/views/EntryView';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { header, INPUT_KEYS, type InputKey, type Lang } from '../../src/core/schema';
import { resetOutboxForTests } from '../../src/taskpane/entry/outboxRunner';
import { startOutbox } from '../../src/taskpane/entry/outboxRunner';
import { todayIso } from '../../src/core/dates';
import { renderPane } from './renderPane';

function labelRe(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
}

function field(key: InputKey, lang: Lang = 'zh-CN'): HTMLInputElement | HTMLSelectElement {
  return screen.getByLabelText(labelRe(header(key, lang))) as HTMLInputElement | HTMLSelectElement;
}

function type(key: InputKey, value: string, lang: Lang = 'zh-CN'): void {
  fireEvent.change(field(key, lang), { target: { value } });
}

const GOOD: Partial<Record<InputKey, string>> = {
  agent: '客服1',
  customerId: 'tb_buyer_01',
  customerType: '零售客户',
  newOrReturning: '新客',
  channel: '微信',
  region: '浙江',
  product: '示例商品A',
  quantity: '2',
  amount: '199',
  deal: '是',
  dealType: '零售',
};

function fillGood(overrides: Partial<Record<InputKey, string>> = {}): void {
  for (const [k, v] of Object.entries({ ...GOOD, ...overrides })) type(k as InputKey, v as string);
}

async function withTemplate(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.insertTemplate({ lang: 'zh-CN' });
  return wb;
}

function logRows(wb: MemoryWorkbook): unknown[][] {
  return wb.snapshot().log?.rows ?? [];
}

beforeEach(() => {
  localStorage.clear();
  resetOutboxForTests();
});

describe('Entry view', () => {
  it.each<Lang>(['zh-CN', 'en-US'])('labels every input column with its header (%s)', async (lang) => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb, lang);
    for (const key of INPUT_KEYS) expect(field(key, lang)).toBeTruthy();
    expect(field('date', lang).getAttribute('type')).toBe('date');
    expect(field('amount', lang).getAttribute('inputmode')).toBe('decimal');
    expect(field('amount', lang).getAttribute('type')).not.toBe('number');
    await screen.findByRole('button', { name: lang === 'zh-CN' ? '提交' : 'Submit' });
  });

  it('defaults the date to today', async () => {
    await renderPane(<EntryView />, await withTemplate());
    expect(field('date').value).toBe(todayIso());
  });

  it('empty submit shows errors and writes nothing', async () => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb);
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('「客户ID」必填')).toBeTruthy();
    expect(screen.getByText('「客服」必填')).toBeTruthy();
    expect(screen.getByText('请先修正 8 处错误。')).toBeTruthy();
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(logRows(wb)).toHaveLength(0);
  });

  it('blocks 否 without a reason, with the message, and the requirement appears live', async () => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb);
    fillGood({ deal: '否', quantity: '', amount: '', dealType: '', followUp: '已跟进' });
    expect(screen.getByLabelText(/^未成交原因/).closest('.fui-Field')?.textContent).toContain('*');
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('「未成交原因」必填：未成交时请选择原因')).toBeTruthy();
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(logRows(wb)).toHaveLength(0);
  });

  it('writes exactly one normalised row and returns focus to 客户ID', async () => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb);
    fillGood({ quantity: '１２', amount: '¥1,280.50' });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(logRows(wb)).toHaveLength(1));
    const snap = wb.snapshot().log!;
    const amountAt = snap.headers.indexOf('成交金额');
    const qtyAt = snap.headers.indexOf('数量');
    expect(snap.rows[0][amountAt]).toBe(1280.5);
    expect(snap.rows[0][qtyAt]).toBe(12);
    expect(await screen.findAllByText('已写入第 2 行')).not.toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(field('customerId')));
    expect(field('customerId').value).toBe('');
    expect(field('agent').value).toBe('客服1');
  });

  it('Enter in a field submits', async () => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb);
    fillGood();
    fireEvent.keyDown(field('region'), { key: 'Enter' });
    await waitFor(() => expect(logRows(wb)).toHaveLength(1));
  });

  it('asks to confirm a likely duplicate before writing it', async () => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb);
    fillGood();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(logRows(wb)).toHaveLength(1));
    fillGood();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    const confirm = await screen.findByRole('button', { name: '确认提交（可能重复）' });
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(logRows(wb)).toHaveLength(1);
    fireEvent.click(confirm);
    await waitFor(() => expect(logRows(wb)).toHaveLength(2));
  });

  it('keeps a failed write in the outbox and writes it on retry', async () => {
    const wb = await withTemplate();
    const stop = startOutbox(wb);
    await renderPane(<EntryView />, wb);
    wb.failNext(1, 'busy');
    fillGood();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    const box = await screen.findByTestId('outbox');
    expect(within(box).getAllByTestId('outbox-item')).toHaveLength(1);
    expect(within(box).getByText(/tb_buyer_01/)).toBeTruthy();
    expect(logRows(wb)).toHaveLength(0);
    expect(JSON.parse(localStorage.getItem('shopStats.v1.outbox') ?? '[]')).toHaveLength(1);
    fireEvent.click(within(box).getByRole('button', { name: '立即重试' }));
    await waitFor(() => expect(logRows(wb)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('outbox')).toBeNull());
    expect(JSON.parse(localStorage.getItem('shopStats.v1.outbox') ?? '[]')).toHaveLength(0);
    stop();
  });

  it('restores the draft after the pane is closed and reopened', async () => {
    const wb = await withTemplate();
    const first = await renderPane(<EntryView />, wb);
    type('customerId', 'draft_buyer');
    type('note', '问了尺码');
    first.unmount();
    await renderPane(<EntryView />, wb);
    expect(field('customerId').value).toBe('draft_buyer');
    expect(field('note').value).toBe('问了尺码');
    expect(screen.getByText('已恢复未提交的草稿。')).toBeTruthy();
  });

  it('undo removes the row this pane wrote', async () => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb);
    fillGood();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(logRows(wb)).toHaveLength(1));
    fireEvent.click(await screen.findByRole('button', { name: '撤销上一条' }));
    await waitFor(() => expect(logRows(wb)).toHaveLength(0));
    expect(await screen.findByText('已撤销第 2 行')).toBeTruthy();
  });

  it('accepts a product outside the list with a warning, and suggests customer IDs from the log', async () => {
    const wb = await withTemplate();
    await wb.seed([
      {
        date: '2026-11-01', agent: '客服2', customerId: 'old_buyer_9', customerType: '批发商', newOrReturning: '老客', channel: 'QQ',
        region: '广东', product: '示例商品B', quantity: 1, amount: 50, deal: '是', dealType: '批发', noDealReason: null, followUp: null,
        nextFollowUp: null, note: null,
      },
    ]);
    await renderPane(<EntryView />, wb);
    const ids = document.getElementById(field('customerId').getAttribute('list') as string);
    expect(Array.from(ids?.querySelectorAll('option') ?? []).map((o) => o.getAttribute('value'))).toEqual(['old_buyer_9']);
    fillGood({ product: '新款连衣裙' });
    expect(await screen.findByText('「商品」“新款连衣裙”不在商品列表中（可以保存；如是新商品，请加到字典里）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(logRows(wb)).toHaveLength(2));
  });

  it('text that looks like a formula is kept as text', async () => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb);
    fillGood({ customerId: '=1+1', note: '@SUM(A1)' });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(logRows(wb)).toHaveLength(1));
    const snap = wb.snapshot().log!;
    expect(snap.rows[0][snap.headers.indexOf('客户ID')]).toBe('=1+1');
  });

  it('undo leaves a row alone when it was changed meanwhile, and says so', async () => {
    const wb = await withTemplate();
    await renderPane(<EntryView />, wb);
    fillGood();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(logRows(wb)).toHaveLength(1));
    const log = wb.table('询盘统计')!;
    log.rows[0][log.headers.indexOf('客户ID')] = 'someone_else';
    fireEvent.click(await screen.findByRole('button', { name: '撤销上一条' }));
    expect(await screen.findByText('第 2 行已被修改或移动，未删除。')).toBeTruthy();
    expect(logRows(wb)).toHaveLength(1);
  });
});

