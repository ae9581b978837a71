/**
 * Compare-and-set writes of log cells (masking personal data, and its undo). Round trips: 1 for the header, then
 * per chunk of up to CHUNK cells 1 read (each cell's current value) and 1 write (text format, then the text) — 3 for
 * any mask under CHUNK cells. A cell that no longer holds its `before` text is left alone and counted as skipped,
 * so an undo never overwrites what a colleague typed after the mask.
 */
import type { CellChange } from '../core/mask/maskColumns';
import { LOG_TABLE, TEXT_FORMAT, mapHeaders } from '../core/schema';
import type { ReplaceCellsResult } from '../core/workbook';
import type { RunFn } from './run';

/** Cells per request pair: each is a small read and write, far below the 5 MB request limit. */
export const CHUNK = 500;

export async function replaceCells(run: RunFn, changes: readonly CellChange[]): Promise<ReplaceCellsResult> {
  if (changes.length === 0) return { written: 0, skipped: 0 };
  return run(async (ctx) => {
    const table = ctx.workbook.tables.getItem(LOG_TABLE);
    const headerRange = table.getHeaderRowRange().load('values');
    await ctx.sync();
    const positions = mapHeaders((headerRange.values as unknown[][])[0] ?? []).positions;
    let written = 0;
    let skipped = 0;
    for (let start = 0; start < changes.length; start += CHUNK) {
      const chunk = changes.slice(start, start + CHUNK);
      const cells = chunk.map((c) => {
        const at = positions[c.key];
        return at === undefined ? null : table.getHeaderRowRange().getOffsetRange(c.rowIndex + 1, 0).getCell(0, at).load('values');
      });
      await ctx.sync();
      chunk.forEach((c, i) => {
        const cell = cells[i];
        if (!cell || (cell.values as unknown[][])[0][0] !== c.before) {
          skipped++;
          return;
        }
        // Text format first: the masked text must land as text, whatever it looks like.
        cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[c.after]];
        written++;
      });
      await ctx.sync();
    }
    return { written, skipped };
  });
}
