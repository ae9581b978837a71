/**
 * Make shareable through the Office.js path: SHOP.* formulas in any sheet rewritten with core's native formulas,
 * other formulas and values untouched, unconvertible ones reported and kept. Sync budget: 2 + 1 per chunk + 1.
 */
import { shareFormula } from '../../src/core/share/shareFormula';
import { chunkRowsFor, MAX_CHUNK_BYTES } from '../../src/excel/log';
import { setup } from './helpers';

test('rewrites SHOP formulas in every sheet and in workbook names, keeps the rest, reports what it could not convert', async () => {
  const { fx, wb } = setup();
  const plan = fx.addSheet('计划');
  const put = (sheet: typeof plan, r: number, c: number, v: string | number, formula = false) => fx.enter(fx.cell(sheet, r, c), v, formula);
  put(plan, 0, 0, 2000);
  put(plan, 0, 1, 0.015);
  put(plan, 0, 2, '=SHOP.ORDERS(A1,B1)', true);
  put(plan, 0, 3, '=SUM(A1:B1)', true);
  put(plan, 1, 2, '=_xludf.SHOP.ROP(C1,10,500)', true);
  put(plan, 2, 2, '=SHOP.NOPE(1)', true);
  put(plan, 3, 0, 'SHOP.ORDERS( is only text');
  const other = fx.addSheet('Other');
  put(other, 4, 1, '=SHOP.安全天数(500,30)', true);
  fx.names.set('DailyOrders', '=_xludf.SHOP.ORDERS(2000,0.015)');
  fx.names.set('Plain', '=计划!$A$1');
  fx.resetCounters();

  const result = await wb.makeShareable();
  expect(result.formulas).toBe(4);
  expect(result.replaced).toEqual({ ORDERS: 2, ROP: 1, SAFETY_DAYS: 1 });
  // Workbook names are rewritten too; other names are left alone.
  expect(fx.names.get('DailyOrders')).toBe(`=${shareFormula('SHOP.ORDERS(2000,0.015)').formula}`);
  expect(fx.names.get('Plain')).toBe('=计划!$A$1');
  expect(result.unconverted).toEqual([{ sheet: '计划', address: 'C3', formula: '=SHOP.NOPE(1)', reason: 'unknownFunction', name: 'NOPE' }]);
  expect(fx.cell(plan, 0, 2).formula).toBe(`=${shareFormula('SHOP.ORDERS(A1,B1)').formula}`);
  expect(fx.cell(other, 4, 1).formula).toBe(`=${shareFormula('SHOP.SAFETY_DAYS(500,30)').formula}`);
  expect(fx.cell(plan, 0, 3).formula).toBe('=SUM(A1:B1)');
  expect(fx.cell(plan, 2, 2).formula).toBe('=SHOP.NOPE(1)');
  expect(fx.cell(plan, 3, 0).value).toBe('SHOP.ORDERS( is only text');
  // Sheet1 is empty (null used range), 计划 and Other one chunk each, then the last writes.
  expect(fx.syncs).toBe(2 + 2 + 1);
});

test('a large sheet: chunked reads, writes sent in requests under the 5 MB limit', async () => {
  const { fx, wb } = setup();
  const big = fx.addSheet('Big');
  const rows = chunkRowsFor(3) * 2 + 10;
  for (let r = 0; r < rows; r++) {
    fx.enter(fx.cell(big, r, 0), r + 1, false);
    fx.enter(fx.cell(big, r, 1), 0.5, false);
    fx.enter(fx.cell(big, r, 2), `=SHOP.ORDERS(A${r + 1},B${r + 1})`, true);
  }
  fx.resetCounters();
  const result = await wb.makeShareable();
  expect(result.formulas).toBe(rows);
  // Every request stays under 5 MB: the long native formulas are sent in several requests.
  const bytes = fx.syncStats.map((s) => s.requestBytes);
  expect(Math.max(...bytes)).toBeLessThan(5 * 1024 * 1024);
  let written = 0;
  for (let r = 1; r <= rows; r++) written += shareFormula(`SHOP.ORDERS(A${r},B${r})`).formula.length * 3 + 64;
  expect(fx.syncs).toBeLessThanOrEqual(2 + 3 + Math.ceil(written / MAX_CHUNK_BYTES) + 1);
  expect(fx.syncs).toBeGreaterThan(2 + 3);
  expect(fx.cell(big, rows - 1, 2).formula).toBe(`=${shareFormula(`SHOP.ORDERS(A${rows},B${rows})`).formula}`);
});
