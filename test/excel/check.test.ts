import { COLUMNS, LOG_SHEET, LOG_TABLE, mapHeaders } from '../../src/core/schema';
import { HIGHLIGHT_FILL, columnLetter } from '../../src/core/template';
import { BYTES_PER_CELL, chunkRowsFor, MAX_CHUNK_BYTES } from '../../src/excel/log';
import { MARKS_SETTING } from '../../src/excel/marks';
import { toRawRow, generateRows } from '../support/generateRows';
import { setup } from './helpers';
import type { FakeExcel } from './fakeExcel';

const col = (key: string) => COLUMNS.findIndex((c) => c.key === key);

/** A workbook whose log holds n generated rows (written straight into the fake). */
async function withRows(n: number, seed = 5) {
  const ctx = setup();
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  const log = ctx.fx.table(LOG_TABLE)!;
  const rows = generateRows(n, seed).map((e) => toRawRow(e));
  rows.forEach((r, i) => r.forEach((v, c) => {
    const cell = ctx.fx.cell(log.sheet, 1 + i, c);
    if (c === col('dealFlag') || c === col('month')) return;
    cell.value = v === null ? '' : (v as string | number);
  }));
  log.rows = 1 + Math.max(1, n);
  ctx.fx.resetCounters();
  return { ...ctx, rows };
}

function responseBytes(fx: FakeExcel): number[] {
  return fx.syncStats.map((s) => s.responseBytes);
}

describe('readLog', () => {
  test('reads every row in chunks: syncs = chunks, each response under the limit', async () => {
    const { fx, wb, rows } = await withRows(2500);
    const progress: number[] = [];
    const snap = await wb.readLog({ chunkRows: 1000, onProgress: (d) => progress.push(d) });
    expect(snap.rows).toHaveLength(2500);
    expect(snap.rows[1234][col('customerId')]).toBe(rows[1234][col('customerId')]);
    expect(snap.rows[2499][col('date')]).toBe(rows[2499][col('date')]);
    expect(snap.positions).toEqual(mapHeaders(COLUMNS.map((c) => c.zh)).positions);
    expect(snap.firstSheetRow).toBe(2);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(fx.syncs).toBe(3);
    expect(Math.max(...responseBytes(fx))).toBeLessThan(5 * 1024 * 1024);
  });

  test('automatic chunks stay under the byte budget', () => {
    expect(chunkRowsFor(18) * 18 * BYTES_PER_CELL).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
    expect(chunkRowsFor(18, 100)).toBe(100);
    expect(chunkRowsFor(18, 1_000_000)).toBe(chunkRowsFor(18));
  });

  test('the empty template reads as no rows; cancel stops between chunks', async () => {
    const { wb } = setup();
    await wb.insertTemplate({ lang: 'zh-CN' });
    expect((await wb.readLog()).rows).toEqual([]);

    const big = await withRows(3000);
    const controller = new AbortController();
    const reading = big.wb.readLog({ chunkRows: 1000, signal: controller.signal, onProgress: (d) => d >= 1000 && controller.abort() });
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
    expect(big.fx.syncs).toBe(1);
  });
});

test('rows with 255-character Chinese notes: every response stays under 5 MB (UTF-8)', async () => {
  const { fx, wb } = await withRows(12000);
  const sheet = fx.table(LOG_TABLE)!.sheet;
  for (let i = 0; i < 12000; i++) fx.cell(sheet, 1 + i, col('note')).value = '备'.repeat(255);
  const snap = await wb.readLog();
  expect(snap.rows).toHaveLength(12000);
  expect(fx.syncs).toBeGreaterThan(3);
  // Well under the limit: chunks shrink once the heavy rows are seen.
  expect(Math.max(...responseBytes(fx))).toBeLessThan(3.5 * 1024 * 1024);
});

describe('marks and selection', () => {
  test('check of N rows = chunks + 2 syncs (readLog + markCells)', async () => {
    const { fx, wb } = await withRows(2500);
    await wb.readLog({ chunkRows: 1000 });
    await wb.markCells([{ rowIndex: 0, key: 'amount' }, { rowIndex: 2400, key: 'region' }]);
    expect(fx.syncs).toBe(3 + 2);
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('amount'))}2`)!.fill).toBe(HIGHLIGHT_FILL);
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('region'))}2402`)!.fill).toBe(HIGHLIGHT_FILL);
  });

  test('clearing restores the user’s own fills and only our cells', async () => {
    const { fx, wb } = await withRows(10);
    const sheet = fx.table(LOG_TABLE)!.sheet;
    const amount = columnLetter(col('amount'));
    fx.cell(sheet, 1, col('amount')).fill = '#00FF00'; // the user's own colour on a cell we will mark
    fx.cell(sheet, 5, col('note')).fill = '#0000FF'; // and on a cell we never touch
    await wb.readLog();
    await wb.markCells([{ rowIndex: 0, key: 'amount' }, { rowIndex: 1, key: 'date' }]);
    expect(fx.cellOf(LOG_SHEET, `${amount}2`)!.fill).toBe(HIGHLIGHT_FILL);
    // Marking again replaces the earlier marks; a cell marked twice keeps its true original.
    await wb.markCells([{ rowIndex: 0, key: 'amount' }, { rowIndex: 3, key: 'deal' }]);
    expect(fx.cellOf(LOG_SHEET, 'A3')!.fill).toBeNull();
    expect(JSON.parse(fx.settings.get(MARKS_SETTING)!)).toEqual([
      { s: LOG_SHEET, a: `${amount}2`, f: '#00FF00' },
      { s: LOG_SHEET, a: `${columnLetter(col('deal'))}5`, f: null },
    ]);
    await wb.clearMarks();
    expect(fx.cellOf(LOG_SHEET, `${amount}2`)!.fill).toBe('#00FF00');
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('deal'))}5`)!.fill).toBeNull();
    expect(fx.cellOf(LOG_SHEET, `${columnLetter(col('note'))}6`)!.fill).toBe('#0000FF');
    expect(fx.settings.has(MARKS_SETTING)).toBe(false);
  });

  test('selectCell activates the sheet and selects the cell in 1 sync after a read', async () => {
    const { fx, wb } = await withRows(10);
    fx.activeSheet = 'Sheet1';
    await wb.readLog();
    fx.resetCounters();
    await wb.selectCell({ rowIndex: 4, key: 'region' });
    expect(fx.syncs).toBe(1);
    expect(fx.activeSheet).toBe(LOG_SHEET);
    expect(fx.selection).toEqual({ sheet: LOG_SHEET, address: `${columnLetter(col('region'))}6` });
  });
});
