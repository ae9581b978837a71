/**
 * Appending under the documented Excel rules the fake enforces (rules 1–3 of issue 8): a table does not grow over
 * rules below it, a time-out can land later, rows.add takes unformatted values. Each test ends with exactly one
 * new table row and no stray row below the table.
 */
import { COLUMNS, LOG_SHEET, LOG_TABLE, META_TABLE } from '../../src/core/schema';
import { columnLetter } from '../../src/core/template';
import { WorkbookError } from '../../src/core/workbook';
import { entry, setup } from './helpers';
import { parseAddress, type FakeExcel } from './fakeExcel';

const col = (key: string) => COLUMNS.findIndex((c) => c.key === key);

async function withTemplate(options: Parameters<typeof setup>[0] = {}) {
  const ctx = setup(options);
  await ctx.wb.insertTemplate({ lang: 'zh-CN' });
  ctx.fx.resetCounters();
  return ctx;
}

/** Turn a fresh template into what version 1 wrote: its rules on 5,000 rows from the first data row down. */
export function makeV1(fx: FakeExcel): void {
  const sheet = fx.sheet(LOG_SHEET)!;
  for (const r of [...sheet.validations, ...sheet.conditionalFormats]) {
    const p = parseAddress(r.address);
    r.address = `${columnLetter(p.left)}2:${columnLetter(p.left)}5001`;
  }
  const meta = fx.table(META_TABLE)!;
  fx.cell(meta.sheet, meta.top + 2, meta.left + 1).value = 1;
}

/** Cells with content in the row just below the log table (a stray row). */
function strayBelow(fx: FakeExcel): number {
  const t = fx.table(LOG_TABLE)!;
  let n = 0;
  for (let c = t.left; c < t.left + t.cols; c++) {
    const cell = t.sheet.cells.get(`${t.top + t.rows},${c}`);
    if (cell && (cell.value !== '' || cell.formula)) n++;
  }
  return n;
}

describe('rule 1: appending below a table (co-authoring-in-excel-add-ins)', () => {
  test('the fake grows a table only when no rule sits below it', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry({ customerId: 'a' }));
    const t = fx.table(LOG_TABLE)!;
    const sheet = t.sheet;
    const before = t.rows;
    // A rule below the table (v1 style): a write just below does not join the table.
    sheet.validations.push({ address: `B${t.top + t.rows + 1}:B5001` });
    const ctx = fx.context();
    ctx.workbook.worksheets.getItem(LOG_SHEET).getRange(`A${t.top + t.rows + 1}`).values = [[46000]];
    expect(t.rows).toBe(before);
    // A whole-column rule does not stop it.
    sheet.validations.pop();
    sheet.validations.push({ address: 'B:B' });
    ctx.workbook.worksheets.getItem(LOG_SHEET).getRange(`A${t.top + t.rows + 1}`).values = [[46000]];
    expect(t.rows).toBe(before + 1);
  });

  test('v2 template: the table grows, 2 round trips, and its column rules grow with it', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry({ customerId: 'a' }));
    fx.resetCounters();
    const row = await wb.appendEntry(entry({ customerId: 'b' }));
    expect(fx.syncs).toBe(2);
    expect(row.rowIndex).toBe(1);
    expect(fx.bodyValues(LOG_TABLE).map((r) => r[col('customerId')])).toEqual(['a', 'b']);
    expect(strayBelow(fx)).toBe(0);
    expect(fx.writes.some((w) => w.kind === 'resizeTable' || w.kind === 'addRow')).toBe(false);
    const sheet = fx.table(LOG_TABLE)!.sheet;
    expect(sheet.validations.find((v) => v.address.startsWith('B2'))!.address).toBe('B2:B3');
  });

  test('rules below the table (v1): the row is brought in with table.resize, 3 round trips, no stray row', async () => {
    const { fx, wb } = await withTemplate();
    makeV1(fx);
    await wb.appendEntry(entry({ customerId: 'a' }));
    fx.resetCounters();
    const row = await wb.appendEntry(entry({ customerId: 'b' }));
    expect(fx.syncs).toBe(3);
    expect(row).toMatchObject({ rowIndex: 1, sheetRow: 3 });
    expect(fx.writes.filter((w) => w.kind === 'resizeTable')).toHaveLength(1);
    expect(fx.table(LOG_TABLE)!.rows).toBe(3);
    expect(fx.bodyValues(LOG_TABLE).map((r) => r[col('customerId')])).toEqual(['a', 'b']);
    expect(strayBelow(fx)).toBe(0);
  });

  test('without Table.resize (ExcelApi 1.13) the stray row is cleared and a table row added: one row, 3 round trips', async () => {
    const { fx, wb } = await withTemplate({ supported: (_s, v) => v !== '1.13' });
    makeV1(fx);
    await wb.appendEntry(entry({ customerId: 'a' }));
    fx.resetCounters();
    await wb.appendEntry(entry({ customerId: '00123' }));
    expect(fx.syncs).toBe(3);
    expect(fx.bodyValues(LOG_TABLE).map((r) => r[col('customerId')])).toEqual(['a', '00123']);
    expect(strayBelow(fx)).toBe(0);
  });

  test('Insert/Repair upgrades a v1 workbook: rules move onto the table, rows and user columns stay, then appends grow the table', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry({ customerId: 'a' }));
    await wb.appendEntry(entry({ customerId: 'b' })); // lands via resize while the rules sit below
    makeV1(fx);
    const t = fx.table(LOG_TABLE)!;
    // A user column 店铺 with its own rule.
    fx.cell(t.sheet, 0, t.cols).value = '店铺';
    fx.cell(t.sheet, 1, t.cols).value = '旗舰店';
    fx.cell(t.sheet, 2, t.cols).value = '分销店';
    t.cols++;
    t.sheet.validations.push({ address: 'S2:S3' });
    fx.resetCounters();
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(fx.syncs).toBeLessThanOrEqual(3);
    expect(result.status).toBe('repaired');
    expect(result.changes.map((c) => c.kind)).toEqual(['movedRules', 'stampedVersion']);
    expect(result.changes[0].message['zh-CN']).toContain('1 → 2');
    expect(result.keptColumns).toEqual(['店铺']);
    // Every schema rule now covers exactly the body (rows 2–3); nothing below the table; the user's rule kept.
    const ruleRows = [...t.sheet.validations, ...t.sheet.conditionalFormats].map((r) => parseAddress(r.address));
    expect(ruleRows.every((p) => p.top === 1 && p.rows === 2)).toBe(true);
    expect(t.sheet.validations.some((v) => v.address === 'S2:S3')).toBe(true);
    expect(t.sheet.conditionalFormats).toHaveLength(10);
    expect(fx.bodyValues(LOG_TABLE).map((r) => [r[col('customerId')], r[18]])).toEqual([['a', '旗舰店'], ['b', '分销店']]);
    expect((await wb.getState()).templateVersion).toBe(2);
    fx.resetCounters();
    await wb.appendEntry(entry({ customerId: 'c' }));
    expect(fx.syncs).toBe(2);
    expect(strayBelow(fx)).toBe(0);
  });
  test('upgrading a v1 log that also lacks a column: moved highlight rules refer to the column added with them', async () => {
    const { fx, wb } = setup();
    const headers = COLUMNS.filter((c) => c.key !== 'followUp').map((c) => c.zh);
    fx.putTable(LOG_SHEET, LOG_TABLE, 'A1', [headers, headers.map((h) => (h === '客户ID' ? 'a' : ''))]);
    fx.putTable('字典', META_TABLE, 'Z1', [['键', '值'], ['templateId', 'shop-stats/inquiry-log'], ['version', 1]]);
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['movedRules', 'addedColumn']));
    const added = columnLetter(headers.length);
    expect(fx.headers(LOG_TABLE)[headers.length]).toBe('跟进情况');
    const pending = fx.sheet(LOG_SHEET)!.conditionalFormats.find((c) => c.formula.includes('待跟进'))!;
    expect(pending.formula).toContain(`$${added}2="待跟进"`);
  });
});

describe('rule 2: a timed-out append that lands later (excel-add-ins-delay-in-cell-edit)', () => {
  test('the fake runs a batch only after the cell edit ends, whatever the caller’s time-out', async () => {
    const { fx, wb } = setup({ timeoutMs: 20 });
    await wb.insertTemplate({ lang: 'zh-CN' });
    fx.editing = true;
    const err = (await wb.appendEntry(entry()).catch((e: unknown) => e)) as WorkbookError;
    expect(err.code).toBe('timeout');
    expect(fx.bodyValues(LOG_TABLE)[0][col('customerId')]).toBe('');
    await fx.finishEdit();
    expect(fx.bodyValues(LOG_TABLE)[0][col('customerId')]).toBe('tb_001');
  });

  test('the retry reads the log tail and does not write the entry twice', async () => {
    const { fx, wb } = setup({ timeoutMs: 20 });
    await wb.insertTemplate({ lang: 'zh-CN' });
    await wb.appendEntry(entry({ customerId: 'first' }));
    fx.editing = true;
    const err = (await wb.appendEntry(entry({ customerId: 'late' })).catch((e: unknown) => e)) as WorkbookError;
    expect([err.code, err.retryable]).toEqual(['timeout', true]);
    // The outbox retries while the user is still in the cell; both batches run when the edit ends.
    const retry = wb.appendEntry(entry({ customerId: 'late' }), { retry: true });
    await fx.finishEdit();
    const row = await retry;
    expect(fx.bodyValues(LOG_TABLE).map((r) => r[col('customerId')])).toEqual(['first', 'late']);
    expect(row).toMatchObject({ rowIndex: 1, sheetRow: 3 });
  });

  test('a retry whose first attempt never landed writes the row once', async () => {
    const { fx, wb } = await withTemplate();
    fx.failNextSync = 'ActivityLimitReached';
    await expect(wb.appendEntry(entry())).rejects.toMatchObject({ code: 'busy' });
    fx.resetCounters();
    await wb.appendEntry(entry(), { retry: true });
    // A retry costs one more round trip (the tail read) than an append.
    expect(fx.syncs).toBe(3);
    fx.resetCounters();
    await wb.appendEntry(entry(), { retry: true });
    expect(fx.syncs).toBe(2);
    expect(fx.bodyValues(LOG_TABLE)).toHaveLength(1);
    expect(fx.bodyValues(LOG_TABLE)[0][col('customerId')]).toBe('tb_001');
  });
});

describe('rule 3: the totals-row path (TableRowCollection.add takes unformatted values)', () => {
  test('the fake parses rows.add values as General: "00123" becomes 123', () => {
    const fx = setup().fx;
    fx.putTable('Sheet1', 'T', 'A1', [['id'], ['x']], ['@']);
    const table = fx.context().workbook.tables.getItem('T');
    table.rows.add(undefined, [['00123']]);
    expect(fx.bodyValues('T').map((r) => r[0])).toEqual(['x', 123]);
  });

  test('with a totals row, an ID like 00123 stays text: row added, formats set, then formulas', async () => {
    const { fx, wb } = await withTemplate();
    await wb.appendEntry(entry({ customerId: 'a' }));
    const log = fx.table(LOG_TABLE)!;
    log.totals = true;
    log.rows = 3;
    fx.cell(log.sheet, 2, 0).value = '汇总';
    fx.resetCounters();
    const row = await wb.appendEntry(entry({ customerId: '00123' }));
    expect(fx.syncs).toBe(2);
    expect(row.rowIndex).toBe(1);
    const id = fx.cellOf(LOG_SHEET, `${columnLetter(col('customerId'))}3`)!;
    expect([id.value, id.numberFormat]).toEqual(['00123', '@']);
    expect(fx.cellOf(LOG_SHEET, 'A4')!.value).toBe('汇总');
    const kinds = fx.writes.map((w) => w.kind);
    expect(kinds.indexOf('addRow')).toBeLessThan(kinds.indexOf('numberFormat'));
    expect(kinds.indexOf('numberFormat')).toBeLessThan(kinds.indexOf('formulas'));
  });
});

describe('rule 10: TableColumnCollection.add takes a 2-D array, header first', () => {
  test('the fake refuses a single value and takes the documented form', async () => {
    const fx = setup().fx;
    fx.putTable('Sheet1', 'T', 'A1', [['a'], [1], [2]]);
    const ctx = fx.context();
    ctx.workbook.tables.getItem('T').columns.add(undefined, '=1+1', 'b');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ctx.workbook.tables.getItem('T').columns.add(undefined, [['b'], ['x'], ['y']]);
    await ctx.sync();
    expect(fx.headers('T')).toEqual(['a', 'b']);
    expect(fx.bodyValues('T')).toEqual([[1, 'x'], [2, 'y']]);
  });
});
