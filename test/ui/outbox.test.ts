/** @jest-environment jsdom */
import { backoffMs, Outbox } from '../../src/taskpane/entry/outbox';
import { getOutbox, queueEntry, resetOutboxForTests, startOutbox } from '../../src/taskpane/entry/outboxRunner';
import { loadDraft, saveDraft, emptyValues } from '../../src/taskpane/entry/draftStore';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { WorkbookError, type AppendOptions, type Workbook } from '../../src/core/workbook';
import type { LogEntry } from '../../src/core/schema';

const ENTRY: LogEntry = {
  date: '2026-11-20', agent: '客服1', customerId: 'c1', customerType: '零售客户', newOrReturning: '新客', channel: '微信',
  region: '浙江', product: '示例商品A', quantity: 1, amount: 10, deal: '是', dealType: '零售', noDealReason: null, followUp: null,
  nextFollowUp: null, note: null,
};

beforeEach(() => {
  localStorage.clear();
  resetOutboxForTests();
  jest.useRealTimers();
});

describe('outbox', () => {
  it('backs off exponentially up to a minute', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(20)).toBe(60000);
  });

  it('persists entries across instances (a reloaded pane) and schedules only retryable ones', () => {
    const box = new Outbox();
    box.add(ENTRY, new WorkbookError('busy', { 'zh-CN': '忙', 'en-US': 'busy' }), 1000);
    box.add({ ...ENTRY, customerId: 'c2' }, new WorkbookError('tableMissing', { 'zh-CN': '无表', 'en-US': 'no table' }), 1000);
    const again = new Outbox();
    expect(again.list().map((i) => (i.kind === 'followUp' ? null : i.entry.customerId))).toEqual(['c1', 'c2']);
    expect(again.due(2999)).toHaveLength(0);
    expect(again.due(3000).map((i) => (i.kind === 'followUp' ? null : i.entry.customerId))).toEqual(['c1']);
    expect(again.list()[1].nextAttemptAt).toBeNull();
  });

  it('retries automatically with backoff until the write succeeds', async () => {
    jest.useFakeTimers();
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    wb.failNext(1, 'timeout');
    const stop = startOutbox(wb);
    queueEntry(ENTRY, new WorkbookError('busy', { 'zh-CN': '忙', 'en-US': 'busy' }));
    await jest.advanceTimersByTimeAsync(1999);
    expect(wb.snapshot().log?.rows).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1); // first retry: fails (timeout) → next in 4 s
    expect(getOutbox().list()[0].attempts).toBe(2);
    expect(getOutbox().list()[0].lastError['en-US']).not.toBe('busy');
    await jest.advanceTimersByTimeAsync(4000);
    expect(wb.snapshot().log?.rows).toHaveLength(1);
    expect(getOutbox().list()).toHaveLength(0);
    stop();
  });

  it('keeps the order of queued entries, each sent as a retry (the first attempt may have landed late)', async () => {
    const written: string[] = [];
    const wb = {
      appendEntry: async (e: LogEntry, options?: AppendOptions) => (written.push(`${e.customerId}${options?.retry ? ':retry' : ''}`), { rowIndex: 0, sheetRow: 2, entry: e }),
    } as unknown as Workbook;
    const box = getOutbox();
    box.add(ENTRY, new Error('x'), 0);
    box.add({ ...ENTRY, customerId: 'c2' }, new Error('x'), 0);
    jest.useFakeTimers();
    const stop = startOutbox(wb);
    await jest.advanceTimersByTimeAsync(10);
    expect(written).toEqual(['c1:retry', 'c2:retry']);
    stop();
  });
});

describe('draft store', () => {
  it('round-trips known fields only, under a namespaced key', () => {
    saveDraft({ ...emptyValues(), customerId: 'abc', note: 'x' });
    expect(Object.keys(localStorage)).toEqual(['shopStats.v1.entryDraft']);
    localStorage.setItem('shopStats.v1.entryDraft', JSON.stringify({ customerId: 'abc', bogus: 1, quantity: 5 }));
    const d = loadDraft();
    expect(d?.customerId).toBe('abc');
    expect(d?.quantity).toBe('');
    expect(d && 'bogus' in d).toBe(false);
  });

  it('ignores a corrupt draft', () => {
    localStorage.setItem('shopStats.v1.entryDraft', '{not json');
    expect(loadDraft()).toBeNull();
  });
});
