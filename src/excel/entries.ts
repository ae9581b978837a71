/**
 * Append and remove one log row. Round trips: 1 read (headers, body size, last row), 1 write that also reads the
 * row back, so the caller learns in the same trip whether the row landed as written.
 *
 * Why the row is written to `getRowsBelow(1)` of the body and not with `table.rows.add`: Microsoft's co-authoring
 * guidance warns that rows.add can conflict when two people add rows at once; a write just below the table lets
 * Excel expand the table, and the read-back (body row count and the row's values) proves it did.
 * Why `formulas` rather than `values`: the calculated columns receive their own formula (so the column stays a
 * calculated column) and user text is written with an apostrophe when it starts with = + - @ ', on top of the
 * '@' format set first in the same batch — `=1+1`, `+86…`, `-x`, `@SUM(A1)` stay literal text.
 */
import { fill } from '../core/i18n';
import { workbookText } from '../core/i18n/workbook';
import { entryCell, isBlankRow, rowMatchesEntry, textFormula } from '../core/logCells';
import { COLUMNS, LOG_TABLE, keyForHeader, mapHeaders, type LogEntry } from '../core/schema';
import { calcFormulaFor, detectLang } from '../core/templatePlan';
import { WorkbookError, type WrittenRow } from '../core/workbook';
import type { RunFn } from './run';

type Cell = string | number;

interface RowPlan {
  formats: string[];
  formulas: Cell[];
}

/** The formats and formulas of one new row, column by column in the table's own order. */
export function rowCells(headers: readonly string[], entry: LogEntry, userFormats: readonly unknown[], userFormulas: readonly unknown[]): RowPlan {
  const lang = detectLang(headers, 'zh-CN');
  const formats: string[] = [];
  const formulas: Cell[] = [];
  headers.forEach((h, i) => {
    const key = keyForHeader(h);
    const def = key ? COLUMNS.find((c) => c.key === key) : undefined;
    if (!key || !def) {
      // A user column: keep its format and, if it is a calculated column, its formula.
      const f = userFormulas[i];
      formats.push(typeof userFormats[i] === 'string' ? String(userFormats[i]) : 'General');
      formulas.push(typeof f === 'string' && f.startsWith('=') ? f : '');
      return;
    }
    formats.push(def.numberFormat);
    if (key === 'dealFlag' || key === 'month') {
      formulas.push(calcFormulaFor(key, lang, LOG_TABLE));
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

export async function appendEntry(run: RunFn, entry: LogEntry): Promise<WrittenRow> {
  return run(async (ctx) => {
    const table = ctx.workbook.tables.getItem(LOG_TABLE).load('showTotals');
    const header = table.getHeaderRowRange().load('values');
    const body = table.getDataBodyRange().load('rowCount,rowIndex');
    const last = table.getDataBodyRange().getLastRow().load('values,formulas,numberFormat');
    await ctx.sync();

    const headers = ((header.values as unknown[][])[0] ?? []).map((h) => String(h ?? ''));
    const positions = mapHeaders(headers).positions;
    const lastValues = (last.values as unknown[][])[0] ?? [];
    // A fresh template's table holds one empty placeholder row: fill it rather than leave a blank row above.
    const reuse = body.rowCount === 1 && isBlankRow(lastValues, positions);
    const rowIndex = reuse ? 0 : body.rowCount;
    const plan = rowCells(headers, entry, (last.numberFormat as unknown[][])[0] ?? [], (last.formulas as unknown[][])[0] ?? []);
    let target: Excel.Range;
    if (!reuse && table.showTotals) {
      // The row below the body is the totals row: add a table row instead of overwriting it. Text is already
      // apostrophe-guarded, so it lands as text although the format can only follow the values here.
      table.rows.add(undefined, [plan.formulas]);
      target = table.getDataBodyRange().getLastRow();
      target.numberFormat = [plan.formats];
    } else {
      target = reuse ? last : last.getRowsBelow(1);
      target.numberFormat = [plan.formats];
      target.formulas = [plan.formulas];
    }
    const written = target.load('values');
    const after = table.getDataBodyRange().load('rowCount');
    await ctx.sync();

    if (after.rowCount !== rowIndex + 1) throw writeFailed(`table rows ${after.rowCount}, expected ${rowIndex + 1}`);
    if (!rowMatchesEntry((written.values as unknown[][])[0] ?? [], positions, entry)) throw writeFailed('read-back differs');
    return { rowIndex, sheetRow: body.rowIndex + rowIndex + 1, entry };
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
        return (key === 'dealFlag' || key === 'month' || !key) && typeof f === 'string' && f.startsWith('=') ? f : '';
      });
      cells.formulas = [formulas];
    } else {
      table.rows.getItemAt(row.rowIndex).delete();
    }
    await ctx.sync();
    return true;
  });
}
