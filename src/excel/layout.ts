/** Where the log sits, read once and remembered so marking and selecting cost one round trip. */
import { LOG_TABLE, mapHeaders, type ColumnKey } from '../core/schema';
import type { RunFn } from './run';

export interface LogLayout {
  sheet: string;
  headers: string[];
  positions: Partial<Record<ColumnKey, number>>;
  /** 0-based sheet row of the first data row. */
  bodyRow: number;
  /** 0-based sheet column of the table's first column. */
  firstColumn: number;
}

export function layoutFrom(sheet: string, headerValues: unknown[][], bodyRow: number, firstColumn: number): LogLayout {
  const headers = (headerValues[0] ?? []).map((h) => String(h ?? ''));
  return { sheet, headers, positions: mapHeaders(headers).positions, bodyRow, firstColumn };
}

/** Queue the reads that give a LogLayout (table sheet, header row, body origin). */
export function queueLayoutRead(ctx: Excel.RequestContext, tableName: string): () => LogLayout {
  const table = ctx.workbook.tables.getItem(tableName);
  const sheet = table.worksheet.load('name');
  const header = table.getHeaderRowRange().load('values,rowIndex,columnIndex');
  return () => layoutFrom(sheet.name, header.values as unknown[][], header.rowIndex + 1, header.columnIndex);
}

/** The remembered layout, or one round trip to read it when no earlier read left one. */
export async function ensureLayout(run: RunFn, cached: LogLayout | null): Promise<LogLayout> {
  if (cached) return cached;
  return run(async (ctx) => {
    const read = queueLayoutRead(ctx, LOG_TABLE);
    await ctx.sync();
    return read();
  });
}
