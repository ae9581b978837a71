/**
 * Record a follow-up outcome on one log row. Round trips: 1 read (header, body size, the row), 1 write of the one or
 * two changed cells that also reads the row back — 2 in all, 1 when nothing is written.
 *
 * The row is addressed as an offset from the header rather than with `getDataBodyRange().getRow(i)`: when rows
 * were deleted meanwhile the index may lie below the body, and an offset range is still a valid range (it then
 * reads as "changed", never as an error). Only the changed cells are written, so a colleague's edit to another
 * cell of the row between our read and write is not overwritten with what the list showed.
 */
import { fill } from '../core/i18n';
import { workbookText } from '../core/i18n/workbook';
import { outcomeCells, rowState, type FollowUpWrite, type FollowUpWriteStatus } from '../core/followups';
import { LOG_TABLE, mapHeaders, type ColumnKey } from '../core/schema';
import { WorkbookError } from '../core/workbook';
import type { RunFn } from './run';

export async function recordFollowUp(run: RunFn, write: FollowUpWrite): Promise<FollowUpWriteStatus> {
  return run(async (ctx) => {
    const table = ctx.workbook.tables.getItem(LOG_TABLE);
    const header = table.getHeaderRowRange().load('values');
    const body = table.getDataBodyRange().load('rowCount');
    const row = table.getHeaderRowRange().getOffsetRange(write.rowIndex + 1, 0).load('values');
    await ctx.sync();

    if (write.rowIndex < 0 || write.rowIndex >= body.rowCount) return 'changed';
    const positions = mapHeaders((header.values as unknown[][])[0] ?? []).positions;
    const state = rowState((row.values as unknown[][])[0], positions, write);
    if (state === 'after') return 'alreadyWritten';
    if (state === 'other') return 'changed';

    for (const [key, value] of Object.entries(outcomeCells(write))) {
      const at = positions[key as ColumnKey];
      if (at === undefined || value === undefined) continue;
      row.getCell(0, at).values = [[value]];
    }
    const back = table.getHeaderRowRange().getOffsetRange(write.rowIndex + 1, 0).load('values');
    await ctx.sync();
    if (rowState((back.values as unknown[][])[0], positions, write) !== 'after') {
      throw new WorkbookError('writeFailed', fill(workbookText.errWriteFailed, { detail: 'read-back differs' }), true);
    }
    return 'written';
  });
}
