/**
 * Reports under the documented PivotTable rules the fake enforces (rules 4–7 of issue 8): manual filters name only
 * existing items, a chart over a pivot plots the whole pivot, pivots must not run into each other when they grow,
 * and every column is named by the log table's own header text.
 */
import { COLUMNS, LOG_TABLE, REPORT_SHEET } from '../../src/core/schema';
import { pivotName } from '../../src/excel/reports';
import { entry, setup } from './helpers';
import type { FakeExcel } from './fakeExcel';

const col = (key: string) => COLUMNS.findIndex((c) => c.key === key);
const noDeal = { deal: '否', dealType: null, noDealReason: '价格高', followUp: '待跟进', nextFollowUp: '2026-05-10', amount: null, quantity: null };

async function withTemplate() {
  const ctx = setup();
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  return ctx;
}

/** Log rows straight into the fake's table (fast for hundreds of rows). */
function putRows(fx: FakeExcel, rows: Array<Record<string, string | number>>): void {
  const t = fx.table(LOG_TABLE)!;
  const start = fx.bodyValues(LOG_TABLE).length === 1 && fx.bodyValues(LOG_TABLE)[0][col('customerId')] === '' ? 0 : t.rows - 1;
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) fx.cell(t.sheet, t.top + 1 + start + i, t.left + col(k)).value = v;
  });
  t.rows = 1 + start + rows.length;
}

describe('rule 4: PivotManualFilter names existing items only', () => {
  test('the fake refuses a filter on an item the field does not have', async () => {
    const { fx } = await withTemplate();
    const ctx = fx.context();
    const sheet = ctx.workbook.worksheets.getItem(REPORT_SHEET);
    const pivot = sheet.pivotTables.add('P', ctx.workbook.tables.getItem(LOG_TABLE), sheet.getRange('A3'));
    const f = pivot.filterHierarchies.add(pivot.hierarchies.getItem('是否成交'));
    f.fields.getItem('是否成交').applyFilter({ manualFilter: { selectedItems: ['否'] } });
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test.each([
    ['0 rows (fresh template)', [] as Array<Record<string, unknown>>, false],
    ['1 row, 是', [{}], false],
    ['1 row, 否', [noDeal], true],
    ['only 是 rows', [{}, { customerId: 'b' }, { customerId: 'c' }], false],
  ])('%s: all eight pivots build; the 否 filters apply only when a 否 row exists', async (_name, rows, hasNo) => {
    const { fx, wb } = await withTemplate();
    for (const [i, r] of rows.entries()) await wb.appendEntry(entry({ customerId: `c${i}`, ...r }));
    const result = await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(result.built).toHaveLength(8);
    const sheet = fx.sheet(REPORT_SHEET)!;
    expect(sheet.pivots).toHaveLength(8);
    for (const id of ['noDealReasons', 'followUp'] as const) {
      const p = sheet.pivots.find((x) => x.name === pivotName(id))!;
      expect(p.filters).toEqual([hasNo ? { name: '是否成交', selected: ['否'] } : { name: '是否成交' }]);
      // The title's next row says why the pivot is not filtered yet.
      const anchor = result.placed[id]!;
      const noteRow = Number(anchor.replace(/^[A-Z]+/, '')) + 1;
      const note = fx.cellOf(REPORT_SHEET, `${anchor.replace(/\d+$/, '')}${noteRow}`);
      if (hasNo) expect(note?.value ?? '').toBe('');
      else expect(String(note!.value)).toContain('是否成交');
    }
  });

  test('a note that says 否 in another column does not count as a 否 row', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry({ note: '否' }));
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(fx.sheet(REPORT_SHEET)!.pivots.find((x) => x.name === pivotName('noDealReasons'))!.filters).toEqual([{ name: '是否成交' }]);
  });
});

describe('rule 5: a chart over a pivot is bound to the whole pivot (office-js #419)', () => {
  test('the fake binds such a chart and plots every data field', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry());
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot', reports: ['channel'] });
    const ctx = fx.context();
    const sheet = ctx.workbook.worksheets.getItem(REPORT_SHEET);
    const chart = sheet.charts.add('ColumnClustered', sheet.pivotTables.getItem(pivotName('channel')).layout.getRange(), 'Columns');
    void chart;
    const data = fx.sheet(REPORT_SHEET)!.charts[0];
    expect(data.boundPivot).toBe(pivotName('channel'));
    expect(data.series.map((s) => s.name)).toEqual(['询盘数', '成交数', '转化率', '成交额']);
  });

  test('pivot reports add no chart; formula reports chart their own ranges, none bound to a pivot', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry());
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(fx.sheet(REPORT_SHEET)!.charts).toEqual([]);
    await wb.buildReports({ lang: 'zh-CN', mode: 'formula' });
    const charts = fx.sheet(REPORT_SHEET)!.charts;
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.every((c) => c.boundPivot === undefined)).toBe(true);
  });
});

describe('rule 6: pivot growth never overlaps (PivotTableRangeConflict)', () => {
  test('the fake refuses two pivots that overlap', async () => {
    const { fx } = await withTemplate();
    const ctx = fx.context();
    const sheet = ctx.workbook.worksheets.getItem(REPORT_SHEET);
    for (const [name, at] of [['A', 'A1'], ['B', 'B3']]) {
      const p = sheet.pivotTables.add(name, ctx.workbook.tables.getItem(LOG_TABLE), sheet.getRange(at));
      p.rowHierarchies.add(p.hierarchies.getItem('地区'));
    }
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'PivotTableRangeConflict' });
  });

  test('200 products and 60 agents: every pivot builds, and refreshes after the lists doubled', async () => {
    const { fx, wb } = await withTemplate();
    const row = (i: number) => ({ date: 46146 + (i % 90), agent: `客服${i % 60}`, customerId: `c${i}`, customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '浙江', product: `商品${i}`, deal: i % 3 === 0 ? '否' : '是' });
    putRows(fx, Array.from({ length: 200 }, (_, i) => row(i)));
    const result = await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(result.built).toHaveLength(8);
    const products = fx.sheet(REPORT_SHEET)!.pivots.find((p) => p.name === pivotName('products'))!;
    expect(products.size!.rows).toBeGreaterThan(200);
    putRows(fx, Array.from({ length: 200 }, (_, i) => ({ ...row(i + 200), agent: `客服${i + 60}` })));
    await wb.refreshReports();
    expect(fx.sheet(REPORT_SHEET)!.pivots.find((p) => p.name === pivotName('products'))!.size!.rows).toBeGreaterThan(400);
  });
});

describe('rule 7: the table’s own header text', () => {
  /** An adopted English table whose headers differ from ours in case and spacing. */
  function adopted() {
    const ctx = setup();
    const headers = COLUMNS.map((c) => (c.key === 'customerId' ? 'customer id' : c.key === 'deal' ? 'DEAL' : c.key === 'amount' ? 'Amount(CNY)' : c.en));
    ctx.fx.putTable('Log', 'MyLog', 'A1', [headers, headers.map(() => '')]);
    return ctx;
  }

  test('appends compute the calculated columns, pivots and formula reports resolve every column', async () => {
    const { fx, wb } = adopted();
    expect((await wb.insertTemplate({ lang: 'en-US' })).status).toBe('repaired');
    await wb.appendEntry(entry({ customerId: 'x' }));
    await wb.appendEntry(entry({ customerId: 'y', ...noDeal }));
    expect(fx.bodyValues(LOG_TABLE).map((r) => r[col('dealFlag')])).toEqual([1, 0]);
    expect(fx.cellOf('Log', 'Q2')!.formula).toContain('[DEAL]');

    await wb.buildReports({ lang: 'en-US', mode: 'pivot' });
    const channel = fx.sheet(REPORT_SHEET)!.pivots.find((p) => p.name === pivotName('channel'))!;
    expect(channel.data.map((d) => d.source)).toEqual(['customer id', 'Deal flag', 'Deal flag', 'Amount(CNY)']);
    expect(fx.sheet(REPORT_SHEET)!.pivots.find((p) => p.name === pivotName('noDealReasons'))!.filters).toEqual([{ name: 'DEAL', selected: ['否'] }]);

    await wb.buildReports({ lang: 'en-US', mode: 'formula' });
    const formulas = [...fx.sheet(REPORT_SHEET)!.cells.values()].map((c) => c.formula ?? '').join('\n');
    expect(formulas).toContain(`${LOG_TABLE}[DEAL]`);
    expect(formulas).toContain(`${LOG_TABLE}[Amount(CNY)]`);
    expect(formulas).not.toContain('[Deal]');
    expect(formulas).not.toContain('[Amount (CNY)]');
  });
});
