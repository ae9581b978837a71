import { COLUMNS, LOG_SHEET, LOG_TABLE, calcFormula } from '../../src/core/schema';
import { isoToSerial } from '../../src/core/dates';
import { columnLetter } from '../../src/core/template';
import { WorkbookError } from '../../src/core/workbook';
import { entry, setup } from './helpers';

const col = (key: string) => COLUMNS.findIndex((c) => c.key === key);

async function withTemplate() {
  const ctx = setup();
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  ctx.fx.resetCounters();
  return ctx;
}

describe('appendEntry', () => {
  test('first entry fills the placeholder row; the next lands below; ≤ 2 syncs each', async () => {
    const { fx, wb } = await withTemplate();
    const first = await wb.appendEntry(entry());
    expect(fx.syncs).toBe(2);
    expect(first).toEqual({ rowIndex: 0, sheetRow: 2, entry: entry() });
    fx.resetCounters();
    const second = await wb.appendEntry(entry({ customerId: 'tb_002', deal: '否', dealType: null, noDealReason: '价格高', followUp: '待跟进', nextFollowUp: '2026-05-10', amount: null, quantity: null }));
    expect(fx.syncs).toBe(2);
    expect(second.rowIndex).toBe(1);
    expect(second.sheetRow).toBe(3);
    const body = fx.bodyValues(LOG_TABLE);
    expect(body).toHaveLength(2);
    expect(body[0][col('date')]).toBe(isoToSerial('2026-05-04'));
    expect(body[0][col('amount')]).toBe(128.5);
    expect(body[0][col('dealFlag')]).toBe(1);
    expect(body[1][col('dealFlag')]).toBe(0);
    expect(body[1][col('nextFollowUp')]).toBe(isoToSerial('2026-05-10'));
    expect(body[1][col('amount')]).toBe('');
    // Calculated columns keep their formula; date cells their format.
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('dealFlag'))}3`)!.formula).toBe(calcFormula('dealFlag', 'zh-CN'));
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('date'))}3`)!.numberFormat).toBe('yyyy-mm-dd');
    expect((await wb.getState()).logRows).toBe(2);
  });

  test.each(['=1+1', '+8613800138000', '-x', '@SUM(A1)', "'quoted"])('%s is written as literal text', async (text) => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry({ customerId: text, note: text }));
    const formulasWrite = fx.writes.find((w) => w.kind === 'formulas')!;
    const row = (formulasWrite.data as unknown[][])[0];
    // What is sent: apostrophe-guarded text, after the '@' format in the same batch.
    expect(row[col('customerId')]).toBe(`'${text}`);
    expect(fx.writes.findIndex((w) => w.kind === 'numberFormat')).toBeLessThan(fx.writes.indexOf(formulasWrite));
    expect(((fx.writes.find((w) => w.kind === 'numberFormat')!.data as string[][])[0])[col('customerId')]).toBe('@');
    // What Excel holds: the text itself, never a formula or a number.
    const cell = fx.cellOf(LOG_SHEET, `${columnLetter(col('customerId'))}2`)!;
    expect(cell.formula).toBeNull();
    expect(cell.value).toBe(text);
    expect(fx.bodyValues(LOG_TABLE)[0][col('note')]).toBe(text);
  });

  test('user columns keep their format and formula in the new row', async () => {
    const { fx, wb } = await withTemplate();
    const log = fx.table(LOG_TABLE)!;
    await wb.appendEntry(entry());
    // The user added 店铺 (text) and 备注2 (a formula column) at the right.
    fx.cell(log.sheet, 0, 18).value = '店铺';
    fx.cell(log.sheet, 1, 18).numberFormat = '@';
    fx.cell(log.sheet, 0, 19).value = '倍数';
    fx.cell(log.sheet, 1, 19).formula = '=询盘统计[[#This Row],[数量]]*2';
    log.cols = 20;
    await wb.appendEntry(entry({ customerId: 'b' }));
    expect(fx.cellOf(LOG_SHEET, 'S3')!.numberFormat).toBe('@');
    expect(fx.cellOf(LOG_SHEET, 'T3')!.formula).toBe('=询盘统计[[#This Row],[数量]]*2');
  });

  test('table deleted → tableMissing, not retryable', async () => {
    const { fx, wb } = await withTemplate();
    fx.tables.splice(fx.tables.indexOf(fx.table(LOG_TABLE)!), 1);
    const err = (await wb.appendEntry(entry()).catch((e: unknown) => e)) as WorkbookError;
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err.code).toBe('tableMissing');
    expect(err.retryable).toBe(false);
  });

  test('busy Excel → busy, retryable', async () => {
    const { fx, wb } = await withTemplate();
    fx.failNextSync = 'ActivityLimitReached';
    const err = (await wb.appendEntry(entry()).catch((e: unknown) => e)) as WorkbookError;
    expect([err.code, err.retryable]).toEqual(['busy', true]);
  });

  test('a hung sync becomes a retryable timeout, and the queue moves on', async () => {
    const { fx, wb } = setup({ timeoutMs: 50 });
    await wb.insertTemplate({ lang: 'zh-CN' });
    fx.hang = true;
    const err = (await wb.appendEntry(entry()).catch((e: unknown) => e)) as WorkbookError;
    expect([err.code, err.retryable]).toEqual(['timeout', true]);
    fx.hang = false;
    expect((await wb.appendEntry(entry())).rowIndex).toBe(0);
  });
});

describe('removeEntry', () => {
  test('removes the row only while it still holds the entry; ≤ 2 syncs', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry({ customerId: 'a' }));
    const b = await wb.appendEntry(entry({ customerId: 'b' }));
    await wb.appendEntry(entry({ customerId: 'c' }));
    // Someone edited row b: undo must refuse.
    fx.cell(fx.table(LOG_TABLE)!.sheet, 2, col('amount')).value = 999;
    fx.resetCounters();
    expect(await wb.removeEntry(b)).toBe(false);
    expect(fx.syncs).toBe(1);
    expect(fx.bodyValues(LOG_TABLE)).toHaveLength(3);
    fx.cell(fx.table(LOG_TABLE)!.sheet, 2, col('amount')).value = 128.5;
    fx.resetCounters();
    expect(await wb.removeEntry(b)).toBe(true);
    expect(fx.syncs).toBe(2);
    expect(fx.bodyValues(LOG_TABLE).map((r) => r[col('customerId')])).toEqual(['a', 'c']);
  });

  test('the only row is emptied (a table keeps one row), calculated formulas stay', async () => {
    const { fx, wb } = await withTemplate();
    const row = await wb.appendEntry(entry());
    expect(await wb.removeEntry(row)).toBe(true);
    expect(fx.table(LOG_TABLE)!.rows).toBe(2);
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('customerId'))}2`)!.value).toBe('');
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('dealFlag'))}2`)!.formula).toBe(calcFormula('dealFlag', 'zh-CN'));
    expect((await wb.getState()).logRows).toBe(0);
  });

  test('a row index past the end → false', async () => {
    const { wb } = await withTemplate();
    const row = await wb.appendEntry(entry());
    expect(await wb.removeEntry({ ...row, rowIndex: 5 })).toBe(false);
  });
});

describe('appendEntry with a totals row', () => {
  test('adds a table row above the totals row instead of overwriting it', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry({ customerId: 'a' }));
    const log = fx.table(LOG_TABLE)!;
    // The user turned on the totals row (row 3).
    log.totals = true;
    log.rows = 3;
    fx.cell(log.sheet, 2, 0).value = '汇总';
    fx.cell(log.sheet, 2, col('amount')).formula = '=SUBTOTAL(109,[成交金额])';
    const row = await wb.appendEntry(entry({ customerId: '=1+1' }));
    expect(row.rowIndex).toBe(1);
    expect(fx.writes.some((w) => w.kind === 'addRow')).toBe(true);
    expect(fx.cellOf(LOG_SHEET, 'A4')!.value).toBe('汇总');
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('amount'))}4`)!.formula).toBe('=SUBTOTAL(109,[成交金额])');
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('customerId'))}3`)!.value).toBe('=1+1');
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('customerId'))}3`)!.formula).toBeNull();
  });
});
