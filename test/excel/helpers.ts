import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import { COLUMNS, LOG_TABLE, isCalcKey, type LogEntry } from '../../src/core/schema';
import { FakeExcel } from './fakeExcel';

export function setup(options: { supported?: (set: string, version: string) => boolean; timeoutMs?: number } = {}): { fx: FakeExcel; wb: OfficeWorkbook } {
  const fx = new FakeExcel();
  fx.addSheet('Sheet1');
  const wb = new OfficeWorkbook({ run: fx.run, isSetSupported: options.supported ?? (() => true), timeoutMs: options.timeoutMs });
  return { fx, wb };
}

export const entry = (over: Partial<LogEntry> = {}): LogEntry => ({
  date: '2026-05-04', agent: '客服1', customerId: 'tb_001', customerType: '零售客户', newOrReturning: '新客', channel: '微信',
  region: '浙江', product: '示例商品A', quantity: 2, amount: 128.5, deal: '是', dealType: '零售', noDealReason: null,
  followUp: null, nextFollowUp: null, note: null, ...over,
});

/** Column index of a schema key in the log table. */
export const col = (key: string): number => COLUMNS.findIndex((c) => c.key === key);

/**
 * A template whose log holds these raw rows, written straight into the fake as a user would have typed them
 * (calculated columns left to the table); counters reset. `cellAt` reaches a log cell by row index and key.
 */
export async function withLog(rows: unknown[][], ctx = setup()) {
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  const log = ctx.fx.table(LOG_TABLE)!;
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (isCalcKey(COLUMNS[c].key)) return;
      ctx.fx.cell(log.sheet, log.top + 1 + i, log.left + c).value = v === null ? '' : (v as string | number);
    }),
  );
  log.rows = 1 + Math.max(1, rows.length);
  ctx.fx.resetCounters();
  return { ...ctx, cellAt: (row: number, key: string) => ctx.fx.cell(log.sheet, log.top + 1 + row, log.left + col(key)) };
}
