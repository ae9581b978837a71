/**
 * Masking personal data in the open workbook, and its undo, through the Office.js path: planMask over the log read
 * from the fake, replaceCells writing compare-and-set. Sync budget: 1 header + 2 per chunk of CHUNK cells.
 */
import { TEXT_FORMAT } from '../../src/core/schema';
import { planMask, reverseChanges } from '../../src/core/mask/maskColumns';
import { CHUNK } from '../../src/excel/replaceCells';
import { generateRows, toRawRow } from '../support/generateRows';
import { col, withLog } from './helpers';


function rows(n: number, phones: number): unknown[][] {
  return generateRows(n, 21, { endDate: '2026-06-30' }).map((e, i) => toRawRow(i < phones ? { ...e, note: `回电 1381234${String(i).padStart(4, '0')}` } : e));
}

test('mask: 3 syncs for a small mask, text written as text, counts per column and kind; undo restores', async () => {
  const { fx, wb, cellAt } = await withLog(rows(40, 3));
  const plan = planMask(await wb.readLog());
  expect(plan.counts).toEqual({ note: { mobile: 3 } });
  fx.resetCounters();
  expect(await wb.replaceCells(plan.changes)).toEqual({ written: 3, skipped: 0 });
  expect(fx.syncs).toBe(3);
  expect(cellAt(0, 'note').value).toBe('回电 138****0000');
  expect(cellAt(0, 'note').numberFormat).toBe(TEXT_FORMAT);
  // A colleague edits one masked cell; the undo leaves that one alone.
  cellAt(1, 'note').value = '已电话联系';
  expect(await wb.replaceCells(reverseChanges(plan.changes))).toEqual({ written: 2, skipped: 1 });
  expect(cellAt(0, 'note').value).toBe('回电 13812340000');
  expect(cellAt(1, 'note').value).toBe('已电话联系');
  expect(cellAt(2, 'note').value).toBe('回电 13812340002');
});

test('large masks go in chunks: 1 + 2 syncs per chunk of CHUNK cells', async () => {
  const n = CHUNK + 20;
  const { fx, wb } = await withLog(rows(n, n));
  const plan = planMask(await wb.readLog());
  expect(plan.changes).toHaveLength(n);
  fx.resetCounters();
  expect((await wb.replaceCells(plan.changes)).written).toBe(n);
  expect(fx.syncs).toBe(1 + 2 * 2);
});
