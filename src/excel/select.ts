/** Select a log cell in the grid (the check view's "go to problem"): one round trip once the layout is known. */
import { LOG_TABLE } from '../core/schema';
import { fill } from '../core/i18n';
import { workbookText } from '../core/i18n/workbook';
import { WorkbookError, type CellRef } from '../core/workbook';
import { ensureLayout, type LogLayout } from './layout';
import { cellAddress } from './marks';
import type { RunFn } from './run';

export async function selectCell(run: RunFn, cell: CellRef, cached: LogLayout | null): Promise<LogLayout> {
  const layout = await ensureLayout(run, cached);
  const address = cellAddress(layout, cell);
  if (!address) throw new WorkbookError('tableMissing', fill(workbookText.errTableMissing, { table: LOG_TABLE }), false);
  const sheetName = layout.sheet;
  await run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await ctx.sync();
  });
  return layout;
}
