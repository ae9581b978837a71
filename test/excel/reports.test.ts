import { REPORT_IDS } from '../../src/core/reportIds';
import { REPORTS, planReportSheet, overlaps, a1 } from '../../src/core/reports';
import { REPORT_SHEET, defaultListValues } from '../../src/core/schema';
import { WorkbookError } from '../../src/core/workbook';
import { chartName, pivotName } from '../../src/excel/reports';
import { setup } from './helpers';

async function withTemplate(supported?: (set: string, version: string) => boolean) {
  const ctx = setup({ supported });
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  ctx.fx.resetCounters();
  return ctx;
}

describe('pivot reports', () => {
  test('all eight as PivotTables with explicit summaries, sorted, charts beside them, in ≤ 3 syncs', async () => {
    const { fx, wb } = await withTemplate();
    const result = await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(fx.syncs).toBeLessThanOrEqual(3);
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
    expect(sheet.pivots.every((p) => p.data.every((d) => d.summarizeBy !== 'Automatic'))).toBe(true);

    // Charts where the definition names one, placed in the slot's chart area.
    const withChart = REPORTS.filter((r) => r.chart !== 'none').map((r) => chartName(r.id)).sort();
    expect(sheet.charts.map((c) => c.name).sort()).toEqual(withChart);
    const plan = planReportSheet('zh-CN', defaultListValues());
    for (const slot of plan.slots) {
      expect(result.placed[slot.id]).toBe(a1(slot.anchor.row, slot.anchor.col));
      const pivot = sheet.pivots.find((p) => p.name === pivotName(slot.id))!;
      expect(pivot.destination).toBe(a1(slot.anchor.row + 2, slot.anchor.col));
      const chart = sheet.charts.find((c) => c.name === chartName(slot.id));
      if (chart) expect(chart.position).toEqual([a1(slot.block.chart!.placement.top, slot.block.chart!.placement.left), a1(slot.block.chart!.placement.bottom, slot.block.chart!.placement.right)]);
    }
    for (const a of plan.slots) for (const b of plan.slots) if (a !== b) expect(overlaps(a.reserved, b.reserved)).toBe(false);
  });

  test('rebuilding replaces our pivots and charts (no duplicates) and leaves the user’s own', async () => {
    const { fx, wb } = await withTemplate();
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    fx.sheet(REPORT_SHEET)!.charts.push({ name: '我的图表', type: 'Pie', source: 'Z1', title: '', position: null, series: [] });
    fx.resetCounters();
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(fx.syncs).toBeLessThanOrEqual(3);
    const sheet = fx.sheet(REPORT_SHEET)!;
    expect(sheet.pivots).toHaveLength(8);
    expect(sheet.charts.map((c) => c.name)).toContain('我的图表');
    expect(sheet.charts).toHaveLength(REPORTS.filter((r) => r.chart !== 'none').length + 1);
    expect(fx.writes.filter((w) => w.kind === 'deletePivot')).toHaveLength(8);

    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot', reports: ['agents'] });
    expect(sheet.pivots).toHaveLength(8);
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
