/**
 * Make shareable: every cell formula that calls SHOP.* is rewritten with core's native equivalent, so the workbook
 * computes the same numbers in Excel without the add-in, WPS and LibreOffice. Each sheet's used range is read in
 * row chunks sized under the 5 MB response limit (chunkRowsFor); only the cells that change are written, each as a
 * formula, queued with the next chunk's read. Native formulas are long (a few hundred characters per call), so the
 * queued writes are also sent whenever they reach MAX_CHUNK_BYTES, keeping every request under the 5 MB limit.
 * Round trips: 2 (sheets and names, then used ranges and name formulas) + 1 per chunk + 1 per MAX_CHUNK_BYTES of
 * formulas written + 1 for the last writes. Workbook names whose formula calls SHOP are rewritten the same way.
 */
import { mentionsShop, shareFormula } from '../core/share/shareFormula';
import type { ShareableResult } from '../core/workbook';
import { chunkRowsFor, MAX_CHUNK_BYTES } from './log';
import type { RunFn } from './run';

export async function makeShareable(run: RunFn): Promise<ShareableResult> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name');
    const names = ctx.workbook.names.load('items/name');
    await ctx.sync();
    const used = sheets.items.map((s) => ({ sheet: s, range: s.getUsedRangeOrNullObject().load('rowIndex,columnIndex,rowCount,columnCount') }));
    for (const n of names.items) n.load('formula');
    await ctx.sync();
    const result: ShareableResult = { formulas: 0, replaced: {}, unconverted: [] };
    let pendingBytes = 0;
    for (const { sheet, range } of used) {
      if (range.isNullObject) continue;
      const rowsPerChunk = chunkRowsFor(range.columnCount);
      for (let top = 0; top < range.rowCount; top += rowsPerChunk) {
        const rows = Math.min(rowsPerChunk, range.rowCount - top);
        const chunk = sheet.getRangeByIndexes(range.rowIndex + top, range.columnIndex, rows, range.columnCount).load('formulas');
        await ctx.sync();
        pendingBytes = 0;
        const rowsOfFormulas = chunk.formulas as unknown[][];
        for (let r = 0; r < rowsOfFormulas.length; r++) {
          const line = rowsOfFormulas[r];
          for (let c = 0; c < line.length; c++) {
            const f = line[c];
            if (typeof f !== 'string' || !f.startsWith('=') || !mentionsShop(f)) continue;
            const shared = shareFormula(f.slice(1));
            if (shared.problem) {
              result.unconverted.push({ sheet: sheet.name, address: cellAddress(range.rowIndex + top + r, range.columnIndex + c), formula: f, reason: shared.problem.reason, name: shared.problem.name });
              continue;
            }
            chunk.getCell(r, c).formulas = [[`=${shared.formula}`]];
            result.formulas++;
            for (const [id, n] of Object.entries(shared.replaced)) result.replaced[id as keyof ShareableResult['replaced']] = (result.replaced[id as keyof ShareableResult['replaced']] ?? 0) + (n ?? 0);
            // UTF-8 bytes of the formula (at most 3 per character) and the request's own overhead per cell.
            pendingBytes += shared.formula.length * 3 + 64;
            if (pendingBytes >= MAX_CHUNK_BYTES) {
              await ctx.sync();
              pendingBytes = 0;
            }
          }
        }
      }
    }
    for (const n of names.items) {
      const f = n.formula as unknown;
      if (typeof f !== 'string' || !mentionsShop(f)) continue;
      const shared = shareFormula(f.replace(/^=/, ''));
      if (shared.problem) {
        result.unconverted.push({ sheet: '', address: n.name, formula: f, reason: shared.problem.reason, name: shared.problem.name });
        continue;
      }
      n.formula = `=${shared.formula}`;
      pendingBytes += shared.formula.length * 3 + 64;
      result.formulas++;
      for (const [id, c] of Object.entries(shared.replaced)) result.replaced[id as keyof ShareableResult['replaced']] = (result.replaced[id as keyof ShareableResult['replaced']] ?? 0) + (c ?? 0);
    }
    if (pendingBytes > 0) await ctx.sync();
    return result;
  });
}

function cellAddress(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}
