/**
 * Platform imports and the plan against the counting fake: tables created, grown and shrunk (IDs kept as text),
 * re-import writes the same cells, the 漏斗 sheet carries live SHOP formulas, and each action keeps its sync budget
 * (import: 3 syncs plus the chunked log read; plan: 2).
 */
import { PLATFORM_SHEET, PLATFORM_TABLES } from '../../src/core/platform/columns';
import { computeFunnel } from '../../src/core/platform/funnel';
import { funnelLogFromSnapshot } from '../../src/core/platform/funnelLog';
import { mergePlatformRows } from '../../src/core/platform/merge';
import type { ParsedExport, PlatformRow } from '../../src/core/platform/parse';
import { PLAN_COLUMNS, PLAN_SHEET, PLAN_TABLE } from '../../src/core/platform/plan';
import { rowsFromValues } from '../../src/excel/platform';
import { days, platformTruth } from '../support/platformExports';
import { entry, setup } from './helpers';

const DAYS = days('2026-05-02', 3);
const truth = platformTruth(DAYS, 8);
const parsed = (kind: ParsedExport['kind'], rows: PlatformRow[]): ParsedExport => ({ kind, rows, dates: [...new Set(rows.map((r) => String(r.date)))].sort(), headerRow: 1, ignoredHeaders: [], summaryRows: 0 });

async function withLog() {
  const ctx = setup();
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  await ctx.wb.appendEntry(entry({ date: '2026-05-02', agent: '小王', channel: '旺旺/千牛', product: '帆布包' }));
  await ctx.wb.appendEntry(entry({ date: '2026-05-03', agent: '小王', channel: '微信', customerId: 'tb_2' }));
  ctx.fx.resetCounters();
  return ctx;
}

function tableRows(fx: ReturnType<typeof setup>['fx'], kind: 'traffic' | 'agents'): PlatformRow[] {
  const name = PLATFORM_TABLES[kind].table;
  return rowsFromValues(kind, fx.headers(name), fx.bodyValues(name));
}

describe('importPlatform', () => {
  test('creates 平台数据 with both tables and 漏斗 in 3 syncs after the log read', async () => {
    const { fx, wb } = await withLog();
    const result = await wb.importPlatform([parsed('traffic', truth.products), parsed('agents', truth.agents)], 'zh-CN');
    // readLog: 1 sync for a small log; the import: 3.
    expect(fx.syncs).toBe(4);
    expect(result.stats).toEqual([
      { kind: 'traffic', added: 9, updated: 0, unchanged: 0, removed: 0, total: 9 },
      { kind: 'agents', added: 9, updated: 0, unchanged: 0, removed: 0, total: 9 },
    ]);
    expect(tableRows(fx, 'traffic')).toEqual(mergePlatformRows('traffic', [], truth.products).rows);
    expect(tableRows(fx, 'agents')).toEqual(mergePlatformRows('agents', [], truth.agents).rows);
    // IDs stay text (the cells were formatted '@' before the values landed).
    expect(typeof fx.bodyValues('平台流量')[0][1]).toBe('string');
    expect(fx.cellOf(PLATFORM_SHEET, 'B2')!.numberFormat).toBe('@');
    // The funnel: SHOP functions over the imported tables; numbers as TypeScript computes them.
    const log = funnelLogFromSnapshot(await wb.readLog());
    expect(result.funnel).toEqual(computeFunnel({ traffic: tableRows(fx, 'traffic'), agents: tableRows(fx, 'agents'), log }));
    expect(result.funnel.reconcileDaily[0].values).toMatchObject({ logAll: 1, logWangwang: 1 });
    const g3 = fx.cellOf('漏斗', 'G3')!;
    expect(g3.formula).toBe('=IFERROR(SHOP.INQUIRY_RATE(C3,B3),"")');
    expect(fx.cellOf('漏斗', 'A3')!.numberFormat).toBe('yyyy-mm-dd');
  });

  test('re-import writes the same cells; a newer export grows and shrinks the table in place', async () => {
    const { fx, wb } = await withLog();
    await wb.importPlatform([parsed('traffic', truth.products)], 'zh-CN');
    const before = fx.bodyValues('平台流量');
    fx.resetCounters();
    const again = await wb.importPlatform([parsed('traffic', truth.products)], 'zh-CN');
    expect(again.stats[0]).toMatchObject({ added: 0, updated: 0, unchanged: 9, removed: 0 });
    expect(fx.bodyValues('平台流量')).toEqual(before);
    expect(fx.syncs).toBe(4);
    // Newer export for day 1: one product gone (shrinks), and the shop rows of all days arrive (grows).
    const day1 = truth.products.filter((r) => r.date === DAYS[0]).slice(0, 2);
    const r = await wb.importPlatform([parsed('traffic', day1), parsed('traffic', truth.shop)], 'zh-CN');
    expect(r.stats[0]).toMatchObject({ unchanged: 2, removed: 1 });
    expect(r.stats[1]).toMatchObject({ added: 3, total: 11 });
    expect(fx.table('平台流量')!.rows).toBe(12);
    const expected = mergePlatformRows('traffic', mergePlatformRows('traffic', mergePlatformRows('traffic', [], truth.products).rows, day1).rows, truth.shop).rows;
    expect(tableRows(fx, 'traffic')).toEqual(expected);
    // The other table stays a one-blank-row table until its first import.
    expect(tableRows(fx, 'agents')).toEqual([]);
  });

  test('a workbook without the log still gets its tables and funnel', async () => {
    const { fx, wb } = setup();
    const r = await wb.importPlatform([parsed('agents', truth.agents)], 'en-US');
    expect(r.funnel.reconcileAgent.map((x) => x.key)).toEqual(['小李', '小王', '阿美']);
    expect(fx.headers('客服绩效')[1]).toBe('Agent');
  });
});

describe('insertPlan', () => {
  test('inserts 库存计划 with SHOP formulas and the red rule in 2 syncs; a second call changes nothing', async () => {
    const { fx, wb } = setup();
    expect(await wb.insertPlan('zh-CN')).toEqual({ status: 'inserted' });
    expect(fx.syncs).toBe(2);
    expect(fx.headers(PLAN_TABLE)).toEqual(PLAN_COLUMNS.map((c) => c.header['zh-CN']));
    const ropCol = PLAN_COLUMNS.findIndex((c) => c.key === 'rop');
    const cell = fx.cellOf(PLAN_SHEET, `${String.fromCharCode(65 + ropCol)}2`)!;
    expect(cell.formula).toContain('SHOP.ROP(');
    expect(fx.bodyValues(PLAN_TABLE)[1].slice(0, 6)).toEqual(['示例商品（下周）', 4000, 0.013, 1, 10, 500]);
    expect(fx.sheet(PLAN_SHEET)!.conditionalFormats[0].formula).toBe('=AND(ISNUMBER($L2),ISNUMBER($E2),$L2<$E2)');
    fx.resetCounters();
    expect(await wb.insertPlan('zh-CN')).toEqual({ status: 'unchanged' });
    expect(fx.syncs).toBe(1);
    expect(fx.writes).toEqual([]);
  });
});

describe('importPlatform in chunks', () => {
  test('large tables are read and written in row chunks, each request under the limit', async () => {
    const { fx } = setup();
    const { importPlatform } = await import('../../src/excel/platform');
    const first = await importPlatform(fx.run, [parsed('traffic', truth.products)], 'zh-CN', [], { chunkRows: 4 });
    expect(first.stats[0]).toMatchObject({ added: 9, total: 9 });
    // 2 (look + first read: nothing) + writes: 9 rows in chunks of 4 → 3 runs, the funnel (≈ 20 rows × 6) in more.
    expect(tableRows(fx, 'traffic')).toEqual(mergePlatformRows('traffic', [], truth.products).rows);
    const addRows = fx.writes.filter((w) => w.kind === 'addRow').map((w) => (w.data as unknown[][]).length);
    expect(Math.max(...addRows)).toBeLessThanOrEqual(4);
    expect(addRows.reduce((a, b) => a + b, 0)).toBe(8); // the one blank row the table starts with, plus 8
    fx.resetCounters();
    // Re-import: the 9 rows are read in 3 chunks (4 + 4 + 1), nothing changes.
    const again = await importPlatform(fx.run, [parsed('traffic', truth.products)], 'zh-CN', [], { chunkRows: 4 });
    expect(again.stats[0]).toMatchObject({ unchanged: 9, added: 0 });
    const reads = fx.syncStats.slice(0, 4).map((s) => s.responseBytes);
    expect(reads.every((b) => b > 0)).toBe(true);
    expect(tableRows(fx, 'traffic')).toEqual(mergePlatformRows('traffic', [], truth.products).rows);
  });

  test('a year of product rows: every request and response stays under 5 MB', async () => {
    const { fx } = setup();
    const { importPlatform } = await import('../../src/excel/platform');
    const year = platformTruth(days('2025-06-01', 365), 3);
    const rows: PlatformRow[] = [];
    for (let k = 0; k < 12; k++) for (const r of year.products) rows.push({ ...r, productId: `${Number(r.productId) + k * 10}` });
    const r = await importPlatform(fx.run, [parsed('traffic', rows)], 'zh-CN', []);
    expect(r.stats[0].total).toBe(13_140);
    fx.resetCounters();
    await importPlatform(fx.run, [parsed('traffic', rows.slice(0, 100))], 'zh-CN', []);
    const limit = 5 * 1024 * 1024;
    expect(Math.max(...fx.syncStats.map((s) => s.requestBytes))).toBeLessThan(limit);
    expect(Math.max(...fx.syncStats.map((s) => s.responseBytes))).toBeLessThan(limit);
    // Read: look + first chunk, one more chunk; write: two chunks, the funnel.
    expect(fx.syncStats.length).toBeLessThanOrEqual(7);
    expect(tableRows(fx, 'traffic')).toEqual(mergePlatformRows('traffic', mergePlatformRows('traffic', [], rows).rows, rows.slice(0, 100)).rows);
  }, 60_000);
});
