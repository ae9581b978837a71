/**
 * Append and remove one log row. Round trips for an append: 1 read (headers, body size, last row), 1 write that
 * also reads the row back — 2 when the table grows — plus 1 more when the row must be brought into the table
 * (at most 3). A retried append (from the outbox) first reads the log tail: 1 more round trip.
 *
 * Why the row is written to `getRowsBelow(1)` of the body and not with `table.rows.add`: Microsoft's co-authoring
 * guidance warns that rows.add can conflict when two people add rows at once; a write just below the table lets
 * Excel expand the table. The same page says Excel may not expand it when data validation sits below the table
 * (a v1 template, or rules the user added): then the read-back shows the row outside, and the third trip brings it
 * in with `table.resize` (ExcelApi 1.13) — or, without it, clears the stray row and adds a table row — so no row
 * is ever left outside the table.
 * Why `formulas` rather than `values`: the calculated columns receive their own formula (so the column stays a
 * calculated column) and user text is written with an apostrophe when it starts with = + - @ ', on top of the
 * '@' format set first in the same batch — `=1+1`, `+86…`, `-x`, `@SUM(A1)` stay literal text.
 * Why a row added with `rows.add` gets no values: rows.add takes unformatted values, so `00123` would become 123
 * before any format could apply; the row is added empty, then formatted, then filled, in one batch.
 */
import { fill } from '../core/i18n';
import { workbookText } from '../core/i18n/workbook';
import { RETRY_TAIL_ROWS, entryCell, isBlankRow, lastMatchingRow, rowMatchesEntry, textFormula } from '../core/logCells';
import { LOG_TABLE, calcFormula, column, isCalcKey, keyForHeader, mapHeaders, type ColumnKey, type LogEntry } from '../core/schema';
import { WorkbookError, type AppendOptions, type WrittenRow } from '../core/workbook';
import { rangeA1, sheetA1 } from './addresses';
import type { Capabilities } from './requirements';
import type { RunFn } from './run';

type Cell = string | number;

interface RowPlan {
  formats: string[];
  formulas: Cell[];
}

/** The formats and formulas of one new row, column by column in the table's own order. */
export function rowCells(headers: readonly string[], entry: LogEntry, userFormats: readonly unknown[], userFormulas: readonly unknown[]): RowPlan {
  const formats: string[] = [];
  const formulas: Cell[] = [];
  headers.forEach((h, i) => {
    const key = keyForHeader(h);
    if (!key) {
      // A user column: keep its format and, if it is a calculated column, its formula.
      const f = userFormulas[i];
      formats.push(typeof userFormats[i] === 'string' ? String(userFormats[i]) : 'General');
      formulas.push(typeof f === 'string' && f.startsWith('=') ? f : '');
      return;
    }
    formats.push(column(key).numberFormat);
    if (isCalcKey(key)) {
      // The table's own header texts: an adopted table may spell them differently from the canonical ones.
      formulas.push(calcFormula(key, headers));
      return;
    }
    const value = entryCell(entry, key);
    formulas.push(typeof value === 'string' ? textFormula(value) : value);
  });
  return { formats, formulas };
}

function writeFailed(detail: string): WorkbookError {
  return new WorkbookError('writeFailed', fill(workbookText.errWriteFailed, { detail }), true);
}

/** Add an empty table row (above a totals row if any), then its formats, then its formulas: one batch, no sync. */
function queueAddedRow(table: Excel.Table, plan: RowPlan): Excel.Range {
  table.rows.add(undefined, undefined);
  const target = table.getDataBodyRange().getLastRow();
  target.numberFormat = [plan.formats];
  target.formulas = [plan.formulas];
  return target;
}

async function findInTail(ctx: Excel.RequestContext, table: Excel.Table, rowCount: number, positions: Partial<Record<ColumnKey, number>>, entry: LogEntry): Promise<number | null> {
  const n = Math.min(RETRY_TAIL_ROWS, rowCount);
  const first = rowCount - n;
  const tail = table.getDataBodyRange().getRow(first).getResizedRange(n - 1, 0).load('values');
  await ctx.sync();
  const found = lastMatchingRow(tail.values as unknown[][], positions, entry);
  return found === null ? null : first + found;
}

/**
 * `options.retry`: with delayForCellEdit a timed-out batch may still land later, so a retry reads the log tail first
 * and does not write the entry again when it is already there.
 */
export async function appendEntry(run: RunFn, entry: LogEntry, caps: Capabilities, options: AppendOptions = {}): Promise<WrittenRow> {
  return run(async (ctx) => {
    const table = ctx.workbook.tables.getItem(LOG_TABLE).load('showTotals');
    const sheet = table.worksheet.load('name');
    const header = table.getHeaderRowRange().load('values,rowIndex,columnIndex');
    const body = table.getDataBodyRange().load('rowCount,rowIndex');
    const last = table.getDataBodyRange().getLastRow().load('values,formulas,numberFormat');
    await ctx.sync();

    const headers = ((header.values as unknown[][])[0] ?? []).map((h) => String(h ?? ''));
    const positions = mapHeaders(headers).positions;
    const lastValues = (last.values as unknown[][])[0] ?? [];
    const landed = (rowIndex: number): WrittenRow => ({ rowIndex, sheetRow: body.rowIndex + rowIndex + 1, entry });
    if (options.retry) {
      const found = await findInTail(ctx, table, body.rowCount, positions, entry);
      if (found !== null) return landed(found);
    }
    // A fresh template's table holds one empty placeholder row: fill it rather than leave a blank row above.
    const reuse = body.rowCount === 1 && isBlankRow(lastValues, positions);
    const rowIndex = reuse ? 0 : body.rowCount;
    const plan = rowCells(headers, entry, (last.numberFormat as unknown[][])[0] ?? [], (last.formulas as unknown[][])[0] ?? []);
    let target: Excel.Range;
    if (!reuse && table.showTotals) {
      // The row below the body is the totals row: add a table row instead of overwriting it.
      target = queueAddedRow(table, plan);
    } else {
      target = reuse ? last : last.getRowsBelow(1);
      target.numberFormat = [plan.formats];
      target.formulas = [plan.formulas];
    }
    let written = target.load('values');
    let after = table.getDataBodyRange().load('rowCount');
    await ctx.sync();

    if (!reuse && after.rowCount === rowIndex) {
      // Excel did not take the row into the table: bring it in, in one more round trip.
      if (caps.tableResize) {
        table.resize(sheetA1(sheet.name, rangeA1(header.rowIndex, header.columnIndex, rowIndex + 2, headers.length)));
      } else {
        target.clear('Contents');
        target = queueAddedRow(table, plan);
      }
      written = target.load('values');
      after = table.getDataBodyRange().load('rowCount');
      await ctx.sync();
    }
    if (after.rowCount !== rowIndex + 1) throw writeFailed(`table rows ${after.rowCount}, expected ${rowIndex + 1}`);
    if (!rowMatchesEntry((written.values as unknown[][])[0] ?? [], positions, entry)) throw writeFailed('read-back differs');
    return landed(rowIndex);
  });
}

export async function removeEntry(run: RunFn, row: WrittenRow): Promise<boolean> {
  return run(async (ctx) => {
    const table = ctx.workbook.tables.getItem(LOG_TABLE);
    const header = table.getHeaderRowRange().load('values');
    const body = table.getDataBodyRange().load('rowCount');
    const cells = table.getDataBodyRange().getRow(row.rowIndex).load('values,formulas');
    await ctx.sync();

    if (row.rowIndex >= body.rowCount) return false;
    const headers = ((header.values as unknown[][])[0] ?? []).map((h) => String(h ?? ''));
    const positions = mapHeaders(headers).positions;
    if (!rowMatchesEntry((cells.values as unknown[][])[0] ?? [], positions, row.entry)) return false;
    if (body.rowCount === 1) {
      // A table keeps at least one data row: empty the inputs, keep calculated formulas.
      const formulas = ((cells.formulas as unknown[][])[0] ?? []).map((f, i) => {
        const key = keyForHeader(headers[i]);
        return (isCalcKey(key) || !key) && typeof f === 'string' && f.startsWith('=') ? f : '';
      });
      cells.formulas = [formulas];
    } else {
      table.rows.getItemAt(row.rowIndex).delete();
    }
    await ctx.sync();
    return true;
  });
}
