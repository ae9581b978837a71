/** @jest-environment jsdom */
import { isoToSerial } from '../../src/core/dates';
import { dueFollowUps, type FollowUpWrite } from '../../src/core/followups';
import { LOG_TABLE, mapHeaders, type LogEntry } from '../../src/core/schema';
import { WorkbookError } from '../../src/core/workbook';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { Outbox } from '../../src/taskpane/entry/outbox';
import { getOutbox, onFollowUpSettled, queueFollowUp, resetOutboxForTests, startOutbox } from '../../src/taskpane/entry/outboxRunner';

const TODAY = '2026-12-01';
const pending = (customerId: string, next: string): LogEntry => ({
  date: '2026-11-20', agent: '客服1', customerId, customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '浙江',
  product: '示例商品A', quantity: null, amount: null, deal: '否', dealType: null, noDealReason: '价格高', followUp: '待跟进',
  nextFollowUp: next, note: null,
});

async function workbook(): Promise<{ wb: MemoryWorkbook; write: FollowUpWrite }> {
  const wb = new MemoryWorkbook();
  await wb.seed([pending('a', '2026-11-30'), pending('b', TODAY)]);
  const item = dueFollowUps(await wb.readLog(), TODAY).due[0];
  return { wb, write: { rowIndex: item.rowIndex, sheetRow: item.sheetRow, shown: item.shown, outcome: 'followed', next: '2026-12-04' } };
}

function cells(wb: MemoryWorkbook, row: number): Record<string, unknown> {
  const log = wb.snapshot().log!;
  const p = mapHeaders(log.headers).positions;
  return { followUp: log.rows[row][p.followUp!], next: log.rows[row][p.nextFollowUp!], customerId: log.rows[row][p.customerId!] };
}

beforeEach(() => {
  localStorage.clear();
  resetOutboxForTests();
  jest.useRealTimers();
});

describe('MemoryWorkbook.recordFollowUp', () => {
  test('writes once; a repeat reports alreadyWritten; an edited row is left alone', async () => {
    const { wb, write } = await workbook();
    expect(write.rowIndex).toBe(0);
    expect(await wb.recordFollowUp(write)).toBe('written');
    expect(cells(wb, 0)).toEqual({ followUp: '已跟进', next: isoToSerial('2026-12-04'), customerId: 'a' });
    expect(await wb.recordFollowUp(write)).toBe('alreadyWritten');
    expect(await wb.recordFollowUp({ ...write, outcome: 'lost', next: null })).toBe('changed');
    expect(cells(wb, 0).followUp).toBe('已跟进');
    expect(wb.snapshot().log!.rows).toHaveLength(2);
    expect(wb.table(LOG_TABLE)!.rows[1]).toEqual(wb.snapshot().log!.rows[1]);
  });
});

describe('follow-ups in the outbox', () => {
  test('a failed outcome is kept (also across a reload) and retried until written, exactly once', async () => {
    const { wb, write } = await workbook();
    jest.useFakeTimers();
    const settled: string[] = [];
    onFollowUpSettled((item, status) => settled.push(`${item.followUp.sheetRow}:${status}`));
    wb.failNext(1, 'timeout');
    const stop = startOutbox(wb);
    queueFollowUp(write, new WorkbookError('timeout', { 'zh-CN': '超时', 'en-US': 'timed out' }));
    expect(new Outbox().list().map((i) => (i.kind === 'followUp' ? i.followUp.outcome : 'entry'))).toEqual(['followed']);
    await jest.advanceTimersByTimeAsync(2000); // first retry fails (timeout)
    expect(getOutbox().list()[0].attempts).toBe(2);
    expect(cells(wb, 0).followUp).toBe('待跟进');
    await jest.advanceTimersByTimeAsync(4000);
    expect(getOutbox().list()).toHaveLength(0);
    expect(cells(wb, 0)).toEqual({ followUp: '已跟进', next: isoToSerial('2026-12-04'), customerId: 'a' });
    expect(settled).toEqual(['2:written']);
    stop();
  });

  test('a queued outcome whose row changed meanwhile leaves the outbox unwritten and says so', async () => {
    const { wb, write } = await workbook();
    jest.useFakeTimers();
    const settled: string[] = [];
    onFollowUpSettled((item, status) => settled.push(`${item.followUp.sheetRow}:${status}`));
    const stop = startOutbox(wb);
    queueFollowUp(write, new WorkbookError('busy', { 'zh-CN': '忙', 'en-US': 'busy' }));
    // Someone converts the customer in the grid before the retry.
    const log = wb.table(LOG_TABLE)!;
    log.rows[0][mapHeaders(log.headers).positions.followUp!] = '已转化';
    await jest.advanceTimersByTimeAsync(2000);
    expect(getOutbox().list()).toHaveLength(0);
    expect(cells(wb, 0).followUp).toBe('已转化');
    expect(settled).toEqual(['2:changed']);
    stop();
  });
});
