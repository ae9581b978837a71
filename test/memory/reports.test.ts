import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { aggregate, planPivotSheet, a1 } from '../../src/core/reports';
import { REPORT_IDS } from '../../src/core/reportIds';
import { LISTS, defaultListValues } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';

describe('MemoryWorkbook reports', () => {
  test('builds all eight in the sheet slots, with the core aggregation of the valid rows; refresh sees new rows', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    // The generator draws agents and products beyond the defaults: put them in the workbook's lists.
    wb.table(LISTS.agent.tableName)!.rows = SAMPLE_LISTS.agent.map((v) => [v]);
    wb.table(LISTS.product.tableName)!.rows = SAMPLE_LISTS.product.map((v) => [v]);
    const rows = generateRows(300, 11);
    await wb.seed(rows);
    const result = await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    expect(result.built).toEqual([...REPORT_IDS]);
    const lists = { ...defaultListValues(), agent: SAMPLE_LISTS.agent, product: SAMPLE_LISTS.product };
    for (const slot of planPivotSheet(lists)) expect(result.placed[slot.id]).toBe(a1(slot.anchor.row, slot.anchor.col));
    const reports = wb.snapshot().reports!;
    expect(reports.sourceRows).toBe(300);
    expect(reports.results.channel).toEqual(aggregate(rows, { lists }).channel);

    await wb.appendEntry({ ...rows[0], customerId: 'new-one' });
    await wb.refreshReports();
    expect(wb.snapshot().reports!.sourceRows).toBe(301);
    const inquiries = (r: { inquiries?: number }[]) => r.reduce((n, x) => n + (x.inquiries ?? 0), 0);
    expect(inquiries(wb.snapshot().reports!.results.channel!)).toBe(301);
  });

  test('pivot mode without the pivot API is refused; formula mode works', async () => {
    const wb = new MemoryWorkbook({ pivotSupported: false });
    await wb.insertTemplate({ lang: 'en-US' });
    await expect(wb.buildReports({ lang: 'en-US', mode: 'pivot' })).rejects.toMatchObject({ code: 'notSupported' });
    expect((await wb.buildReports({ lang: 'en-US', mode: 'formula', reports: ['region'] })).built).toEqual(['region']);
  });
});
