import { REPORT_IDS } from '../../src/core/reportIds';
import { planPivotSheet, planReportSheet, overlaps, a1 } from '../../src/core/reports';
import { REPORT_SHEET, defaultListValues } from '../../src/core/schema';
import { WorkbookError } from '../../src/core/workbook';
import { chartName, pivotName } from '../../src/excel/reports';
import { entry, setup } from './helpers';

async function withTemplate(supported?: (set: string, version: string) => boolean) {
  const ctx = setup({ supported });
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  ctx.fx.resetCounters();
  return ctx;
}

/** A template with a few logged rows (one 否), so every pivot filter has its item. */
async function withRows(supported?: (set: string, version: string) => boolean) {
  const ctx = await withTemplate(supported);
  await ctx.wb.appendEntry(entry({ customerId: 'a' }));
  await ctx.wb.appendEntry(entry({ customerId: 'b', deal: '否', dealType: null, noDealReason: '价格高', followUp: '待跟进', nextFollowUp: '2026-05-10', amount: null, quantity: null }));
  ctx.fx.resetCounters();
  return ctx;
}

describe('pivot reports', () => {
  test('all eight as PivotTables with explicit summaries, sorted, in their bands, no charts, in 3 syncs', async () => {
    const { fx, wb } = await withRows();
    const result = await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(fx.syncs).toBe(3);
    expect(result.mode).toBe('pivot');
    expect([...result.built].sort()).toEqual([...REPORT_IDS].sort());
    const sheet = fx.sheet(REPORT_SHEET)!;
    expect(sheet.pivots.map((p) => p.name).sort()).toEqual(REPORT_IDS.map(pivotName).sort());

    const channel = sheet.pivots.find((p) => p.name === pivotName('channel'))!;
    expect(channel.rows).toEqual(['询盘渠道']);
    expect(channel.data.map((d) => [d.source, d.summarizeBy, d.name, d.numberFormat])).toEqual([
      ['客户ID', 'Count', '询盘数', '#,##0'],
      ['成交标记', 'Sum', '成交数', '#,##0'],
      ['成交标记', 'Average', '转化率', '0.0%'],
      ['成交金额', 'Sum', '成交额', '#,##0.00'],
    ]);
    expect(channel.sorts).toEqual([{ field: '询盘渠道', direction: 'Descending', by: '询盘数' }]);
    const region = sheet.pivots.find((p) => p.name === pivotName('region'))!;
    expect(region.sorts).toEqual([{ field: '地区', direction: 'Descending', by: '成交额' }]);
    const mix = sheet.pivots.find((p) => p.name === pivotName('customerMix'))!;
    expect(mix.columns).toEqual(['交易类型']);
    const reasons = sheet.pivots.find((p) => p.name === pivotName('noDealReasons'))!;
    expect(reasons.filters).toEqual([{ name: '是否成交', selected: ['否'] }]);
    expect(reasons.data.map((d) => [d.summarizeBy, d.showAs])).toEqual([['Count', null], ['Count', 'PercentOfColumnTotal']]);
    expect(sheet.pivots.find((p) => p.name === pivotName('followUp'))!.filters).toEqual([{ name: '是否成交', selected: ['否'] }]);
    expect(sheet.pivots.every((p) => p.data.every((d) => d.summarizeBy !== 'Automatic'))).toBe(true);

    // Rule 5: no chart over a pivot (it would plot counts, rates and amounts on one axis).
    expect(sheet.charts).toEqual([]);
    const slots = planPivotSheet(defaultListValues());
    for (const slot of slots) {
      expect(result.placed[slot.id]).toBe(a1(slot.anchor.row, slot.anchor.col));
      expect(sheet.pivots.find((p) => p.name === pivotName(slot.id))!.destination).toBe(a1(slot.anchor.row + 2, slot.anchor.col));
    }
    for (const a of slots) for (const b of slots) if (a !== b) expect(overlaps(a.reserved, b.reserved)).toBe(false);
  });

  test('rebuilding replaces our pivots and charts (no duplicates) and leaves the user’s own', async () => {
    const { fx, wb } = await withRows();
    await wb.buildReports({ lang: 'zh-CN', mode: 'formula' });
    fx.sheet(REPORT_SHEET)!.charts.push({ name: '我的图表', type: 'Pie', source: 'ZZ1', title: '', position: null, series: [] });
    fx.resetCounters();
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(fx.syncs).toBeLessThanOrEqual(3);
    const sheet = fx.sheet(REPORT_SHEET)!;
    expect(sheet.pivots).toHaveLength(8);
    expect(sheet.charts.map((c) => c.name)).toEqual(['我的图表']);
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(fx.writes.filter((w) => w.kind === 'deletePivot')).toHaveLength(8);

    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot', reports: ['agents'] });
    expect(sheet.pivots).toHaveLength(8);
  });

  test('switching modes leaves nothing of the other mode in the way', async () => {
    const { fx, wb } = await withRows();
    await wb.buildReports({ lang: 'zh-CN', mode: 'formula' });
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    const sheet = fx.sheet(REPORT_SHEET)!;
    // No formula of the formula blocks is left; only pivot titles and notes hold values.
    expect([...sheet.cells.values()].filter((c) => c.formula)).toEqual([]);
    expect(sheet.charts).toEqual([]);
    // One formula report over the pivots: the pivots in its way go, the others stay untouched.
    // The customer-mix block runs into the region and agents pivots' places.
    await wb.buildReports({ lang: 'zh-CN', mode: 'formula', reports: ['customerMix'] });
    const area = planReportSheet('zh-CN', defaultListValues()).slots.find((x) => x.id === 'customerMix')!.reserved;
    const left = sheet.pivots.map((p) => p.name).sort();
    const expected = planPivotSheet(defaultListValues()).filter((x) => x.id !== 'customerMix' && !overlaps(x.reserved, area)).map((x) => pivotName(x.id)).sort();
    expect(left).toEqual(expected);
    expect(left).not.toContain(pivotName('agents'));
    expect(left).toContain(pivotName('products'));
  });

  test('refresh refreshes every pivot in one sync', async () => {
    const { fx, wb } = await withTemplate();
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    fx.resetCounters();
    await wb.refreshReports();
    expect(fx.refreshedAll).toBe(1);
    expect(fx.syncs).toBe(1);
  });

  test('without ExcelApi 1.8: pivot mode is refused, formula mode works', async () => {
    const { wb } = await withTemplate((_s, v) => Number(v) <= 1.7);
    const err = (await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' }).catch((e: unknown) => e)) as WorkbookError;
    expect(err.code).toBe('notSupported');
    expect((await wb.buildReports({ lang: 'zh-CN', mode: 'formula' })).built).toHaveLength(8);
  });

  test('no template: noTemplate', async () => {
    const { wb } = setup();
    await expect(wb.buildReports({ lang: 'zh-CN', mode: 'formula' })).rejects.toMatchObject({ code: 'noTemplate' });
  });
});

describe('formula reports', () => {
  test('writes the core layout’s formulas and charts over the plotted values, in ≤ 3 syncs', async () => {
    const { fx, wb } = await withTemplate();
    await wb.buildReports({ lang: 'zh-CN', mode: 'formula' });
    expect(fx.syncs).toBeLessThanOrEqual(3);
    const plan = planReportSheet('zh-CN', defaultListValues());
    let formulas = 0;
    for (const slot of plan.slots) {
      for (const cell of slot.block.cells) {
        const written = fx.cellOf(REPORT_SHEET, a1(cell.row, cell.col))!;
        if (cell.formula) {
          expect(written.formula).toBe(cell.formula);
          formulas++;
        } else if (cell.value !== undefined) expect(written.value).toBe(cell.value);
        if (cell.numberFormat) expect(written.numberFormat).toBe(cell.numberFormat);
      }
    }
    expect(formulas).toBeGreaterThan(100);
    const channel = fx.sheet(REPORT_SHEET)!.charts.find((c) => c.name === chartName('channel'))!;
    const spec = plan.slots.find((s) => s.id === 'channel')!.block.chart!;
    expect(channel.type).toBe('ColumnClustered');
    expect(channel.series.map((s) => s.name)).toEqual(spec.series.map((s) => s.name));
    expect(fx.sheet(REPORT_SHEET)!.pivots).toEqual([]);
  });
});
