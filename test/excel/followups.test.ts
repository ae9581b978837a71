import { isoToSerial } from '../../src/core/dates';
import type { FollowUpWrite } from '../../src/core/followups';
import { COLUMNS, LOG_TABLE } from '../../src/core/schema';
import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import type { RunFn } from '../../src/excel/run';
import { loadFollowUps } from '../../src/taskpane/followups/loadFollowUps';
import { generateRows, toRawRow } from '../support/generateRows';
import { FakeExcel } from './fakeExcel';
import { col, setup, withLog } from './helpers';

const TODAY = '2026-06-30';

/** n generated rows; row 0 is due today and row 1 three days overdue (both 客服1). */
function logRows(n: number): unknown[][] {
  const rows = generateRows(n, 12, { endDate: TODAY }).map((e) => toRawRow(e));
  const pending = (r: unknown[], next: string) => {
    r[col('deal')] = '否'; r[col('dealType')] = null; r[col('amount')] = null; r[col('noDealReason')] = '比价中';
    r[col('followUp')] = '待跟进'; r[col('nextFollowUp')] = isoToSerial(next); r[col('agent')] = '客服1';
  };
  pending(rows[0], TODAY);
  pending(rows[1], '2026-06-27');
  return rows;
}

async function firstDue(wb: OfficeWorkbook, customerRow = 1) {
  const list = await loadFollowUps(wb, { today: TODAY, agent: '客服1' });
  return list.due.find((d) => d.rowIndex === customerRow)!;
}

describe('follow-up list', () => {
  test('reads through the chunked reader: syncs = chunks (header rides with the first), within the budget chunks + 1', async () => {
    const rows = logRows(2500);
    const { fx, wb } = await withLog(rows);
    const list = await loadFollowUps(wb, { today: TODAY, agent: null, chunkRows: 1000 });
    const pending = rows.filter((r) => (r[col('followUp')] === '待跟进' || r[col('followUp')] === '已跟进') && typeof r[col('nextFollowUp')] === 'number' && (r[col('nextFollowUp')] as number) <= isoToSerial(TODAY));
    const chunks = Math.ceil(2500 / 1000);
    expect(fx.syncs).toBe(chunks);
    expect(fx.syncs).toBeLessThanOrEqual(chunks + 1);
    expect(fx.writes).toEqual([]);
    expect(pending.length).toBeGreaterThan(100);
    expect(list.due).toHaveLength(pending.length);
    expect(list.due.find((d) => d.rowIndex === 1)?.daysOverdue).toBe(3);
    expect(list.due.find((d) => d.rowIndex === 0)?.daysOverdue).toBe(0);
  });
});

describe('recording an outcome', () => {
  test('已跟进: 2 syncs, writes only 跟进情况 and 下次跟进 of that row', async () => {
    const { fx, wb } = await withLog(logRows(50));
    const item = await firstDue(wb);
    const before = fx.bodyValues(LOG_TABLE);
    fx.resetCounters();
    const write: FollowUpWrite = { rowIndex: item.rowIndex, sheetRow: item.sheetRow, shown: item.shown, outcome: 'followed', next: '2026-07-03' };
    expect(await wb.recordFollowUp(write)).toBe('written');
    expect(fx.syncs).toBe(2);
    expect(fx.writes.map((w) => w.kind)).toEqual(['values', 'values']);
    const after = fx.bodyValues(LOG_TABLE);
    const changed: string[] = [];
    after.forEach((row, r) => row.forEach((v, c) => v !== before[r][c] && changed.push(`${r}:${COLUMNS[c].key}=${v}`)));
    expect(changed).toEqual([`1:followUp=已跟进`, `1:nextFollowUp=${isoToSerial('2026-07-03')}`]);
    expect(after).toHaveLength(50);
  });

  test('已转化 and 已流失 change only 跟进情况', async () => {
    for (const outcome of ['converted', 'lost'] as const) {
      const { fx, wb } = await withLog(logRows(20));
      const item = await firstDue(wb);
      const before = fx.bodyValues(LOG_TABLE);
      fx.resetCounters();
      expect(await wb.recordFollowUp({ rowIndex: 1, sheetRow: item.sheetRow, shown: item.shown, outcome, next: null })).toBe('written');
      const after = fx.bodyValues(LOG_TABLE);
      const changed: string[] = [];
      after.forEach((row, r) => row.forEach((v, c) => v !== before[r][c] && changed.push(`${r}:${COLUMNS[c].key}=${v}`)));
      expect(changed).toEqual([`1:followUp=${outcome === 'converted' ? '已转化' : '已流失'}`]);
      expect(fx.syncs).toBe(2);
    }
  });

  test('a row edited since the list was read is not written (1 sync, no writes)', async () => {
    const { fx, wb } = await withLog(logRows(20));
    const item = await firstDue(wb);
    const log = fx.table(LOG_TABLE)!;
    fx.cell(log.sheet, log.top + 2, log.left + col('note')).value = '客户已下单';
    fx.resetCounters();
    expect(await wb.recordFollowUp({ rowIndex: 1, sheetRow: item.sheetRow, shown: item.shown, outcome: 'lost', next: null })).toBe('changed');
    expect(fx.syncs).toBe(1);
    expect(fx.writes).toEqual([]);
  });

  test('a row that moved (rows deleted above) or lies below the table is not written', async () => {
    const { fx, wb } = await withLog(logRows(20));
    const item = await firstDue(wb);
    const log = fx.table(LOG_TABLE)!;
    // Row 0 deleted: every row moves up one, row 1 now holds what was row 2.
    for (let r = 0; r < 19; r++) for (let c = 0; c < log.cols; c++) {
      fx.cell(log.sheet, log.top + 1 + r, log.left + c).value = fx.cell(log.sheet, log.top + 2 + r, log.left + c).value;
    }
    log.rows -= 1;
    fx.resetCounters();
    expect(await wb.recordFollowUp({ rowIndex: 1, sheetRow: item.sheetRow, shown: item.shown, outcome: 'lost', next: null })).toBe('changed');
    expect(await wb.recordFollowUp({ rowIndex: 40, sheetRow: 42, shown: item.shown, outcome: 'lost', next: null })).toBe('changed');
    expect(fx.writes).toEqual([]);
  });

  test('a write that landed but timed out is retried without writing twice', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Sheet1');
    let lose = false;
    // The batch runs to the end in "Excel", but the answer never reaches the pane (a lost response).
    const run: RunFn = (batch) => (lose ? fx.run(batch).then(() => new Promise<never>(() => undefined)) : fx.run(batch));
    const wb = new OfficeWorkbook({ run, isSetSupported: () => true, timeoutMs: 50 });
    await withLog(logRows(20), { fx, wb });
    const item = await firstDue(wb);
    const write: FollowUpWrite = { rowIndex: 1, sheetRow: item.sheetRow, shown: item.shown, outcome: 'followed', next: '2026-07-03' };
    lose = true;
    await expect(wb.recordFollowUp(write)).rejects.toMatchObject({ code: 'timeout', retryable: true });
    lose = false;
    const landed = fx.bodyValues(LOG_TABLE);
    fx.resetCounters();
    expect(await wb.recordFollowUp(write)).toBe('alreadyWritten');
    expect(fx.syncs).toBe(1);
    expect(fx.writes).toEqual([]);
    expect(fx.bodyValues(LOG_TABLE)).toEqual(landed);
    expect(landed[1][col('followUp')]).toBe('已跟进');
  });
});

test('fake: getOffsetRange past the sheet fails at sync (InvalidArgument), inside it is a plain range', async () => {
  const { fx } = setup();
  const sheet = fx.sheet('Sheet1')!;
  fx.cell(sheet, 5, 0).value = 'x';
  const ok = await fx.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').getOffsetRange(5, 0).load('values');
    await ctx.sync();
    return r.values;
  });
  expect(ok).toEqual([['x']]);
  await expect(fx.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').getOffsetRange(-1, 0).load('values');
    await ctx.sync();
  })).rejects.toMatchObject({ code: 'InvalidArgument' });
});
