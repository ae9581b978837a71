/** @jest-environment jsdom */
/**
 * Reports → Make shareable on the in-memory workbook: SHOP formulas rewritten as native ones, a summary naming the
 * functions, and every formula it could not convert listed (never dropped).
 */
import { fireEvent, screen } from '@testing-library/react';
import ReportsView from '../../src/taskpane/views/ReportsView';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { mapHeaders } from '../../src/core/schema';
import { shareFormula } from '../../src/core/share/shareFormula';
import { sampleRows } from '../../src/taskpane/demo/sampleRows';
import { renderPane } from './renderPane';

it('rewrites SHOP formulas and lists the ones it kept', async () => {
  const wb = new MemoryWorkbook();
  await wb.seed(sampleRows(5, { seed: 1 }).rows);
  const table = wb.table('询盘统计')!;
  const note = mapHeaders(table.headers).positions.note!;
  table.rows[0][note] = '=SHOP.ORDERS(2000,1.5%)';
  table.rows[1][note] = '=SHOP.NOPE(1)';
  await renderPane(<ReportsView />, wb, 'en-US');
  fireEvent.click(screen.getByRole('button', { name: 'Make shareable' }));
  expect(
    await screen.findByText('Rewrote 1 formulas (SHOP.ORDERS ×1); kept 询盘统计!询盘统计[备注] #2 =SHOP.NOPE(1): there is no function SHOP.NOPE'),
  ).toBeTruthy();
  expect(wb.table('询盘统计')!.rows[0][note]).toBe(`=${shareFormula('SHOP.ORDERS(2000,1.5%)').formula}`);
  expect(wb.table('询盘统计')!.rows[1][note]).toBe('=SHOP.NOPE(1)');
});
