/** The two Workbook implementations decide the same way (both go through core/templatePlan). */
import { COLUMNS, META_TABLE } from '../../src/core/schema';
import type { TemplateResult } from '../../src/core/workbook';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { entry, setup } from './helpers';

const summary = (r: TemplateResult) => ({ status: r.status, changes: r.changes.map((c) => [c.kind, c.target, c.message['zh-CN']]), candidates: r.candidates, kept: r.keptColumns });

describe('Office and memory workbooks agree', () => {
  test('insert, then unchanged', async () => {
    const { wb: office } = setup();
    const memory = new MemoryWorkbook();
    expect(summary(await office.insertTemplate({ lang: 'en-US' }))).toEqual(summary(await memory.insertTemplate({ lang: 'en-US' })));
    expect(summary(await office.insertTemplate({ lang: 'en-US' }))).toEqual(summary(await memory.insertTemplate({ lang: 'en-US' })));
    await office.appendEntry(entry());
    await memory.appendEntry(entry());
    const a = await office.readLog();
    const b = await memory.readLog();
    expect(a.headers).toEqual(b.headers);
    expect(a.rows).toEqual(b.rows);
  });

  test('renamed log with a missing column and a user column', async () => {
    const headers = [...COLUMNS.filter((c) => c.key !== 'followUp').map((c) => c.en), 'Shop'];
    const { fx, wb: office } = setup();
    fx.putTable('Data', 'Table1', 'B2', [headers, headers.map(() => '')]);
    const memory = new MemoryWorkbook();
    memory.sheets.push('Data');
    memory.tables.push({ name: 'Table1', sheet: 'Data', headers: [...headers], rows: [headers.map(() => '')], formats: headers.map(() => 'General'), formulas: headers.map(() => null) });
    const r1 = await office.insertTemplate({ lang: 'zh-CN' });
    const r2 = await memory.insertTemplate({ lang: 'zh-CN' });
    expect(summary(r1)).toEqual(summary(r2));
    expect(r1.changes.find((c) => c.kind === 'addedColumn')!.target).toBe('Follow-up');
  });

  test('ambiguous', async () => {
    const headers = COLUMNS.map((c) => c.zh);
    const { fx, wb: office } = setup();
    fx.putTable('A', 'T_A', 'A1', [headers, headers.map(() => '')]);
    fx.putTable('B', 'T_B', 'A1', [headers, headers.map(() => '')]);
    const memory = new MemoryWorkbook();
    for (const n of ['T_A', 'T_B']) memory.tables.push({ name: n, sheet: n, headers: [...headers], rows: [], formats: [], formulas: [] });
    expect(summary(await office.insertTemplate({ lang: 'zh-CN' }))).toEqual(summary(await memory.insertTemplate({ lang: 'zh-CN' })));
  });

  test('an older stamp is rewritten (Office: the meta table is replaced in place)', async () => {
    const { fx, wb } = setup();
    await wb.insertTemplate({ lang: 'zh-CN' });
    const meta = fx.table(META_TABLE)!;
    fx.cell(meta.sheet, meta.top + 2, meta.left + 1).value = 0;
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('repaired');
    expect(result.changes.map((c) => c.kind)).toEqual(['movedRules', 'stampedVersion']);
    expect(fx.bodyValues(META_TABLE)).toEqual([['templateId', 'shop-stats/inquiry-log'], ['version', 2], ['lang', 'zh-CN']]);
    expect(fx.tables.filter((t) => t.name === META_TABLE)).toHaveLength(1);
  });
});
