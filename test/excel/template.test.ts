import { COLUMNS, DICT_SHEET, LISTS, LIST_KEYS, LOG_SHEET, LOG_TABLE, META_TABLE, REPORT_SHEET, calcFormula, listRefersTo } from '../../src/core/schema';
import { HIGHLIGHT_FILL, columnLetter } from '../../src/core/template';
import { setup } from './helpers';

describe('insertTemplate on an empty workbook', () => {
  test('writes the log, lists, names and stamp in 2 syncs', async () => {
    const { fx, wb } = setup();
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('inserted');
    expect(fx.syncs).toBeLessThanOrEqual(4);
    expect(fx.syncs).toBe(2);
    expect(fx.sheets.map((s) => s.name)).toEqual(['Sheet1', LOG_SHEET, DICT_SHEET, REPORT_SHEET]);

    // Log table: every schema column in order, zh headers, one placeholder row, frozen header.
    const log = fx.table(LOG_TABLE)!;
    expect(log.sheet.name).toBe(LOG_SHEET);
    expect(fx.headers(LOG_TABLE)).toEqual(COLUMNS.map((c) => c.zh));
    expect(log.rows).toBe(2);
    expect(log.sheet.frozenRows).toBe(1);
    COLUMNS.forEach((c, i) => {
      const cell = fx.cellOf(LOG_SHEET, `${columnLetter(i)}2`)!;
      expect(cell.numberFormat).toBe(c.numberFormat);
      if (c.key === 'dealFlag' || c.key === 'month') expect(cell.formula).toBe(calcFormula(c.key, 'zh-CN'));
      expect(log.sheet.widths.get(i)).toBeGreaterThan(c.width * 5);
    });

    // Text format before data: the numberFormat write of row 2 precedes the table's creation and every formula.
    const kinds = fx.writes.filter((w) => w.sheet === LOG_SHEET).map((w) => w.kind);
    expect(kinds.indexOf('numberFormat')).toBeLessThan(kinds.indexOf('addTable'));
    expect(kinds.indexOf('addTable')).toBeLessThan(kinds.indexOf('formulas'));

    // Validation from the names, product as a warning; highlight rules as formulas with our fill.
    // Version 2: every rule sits on the table's one body row (A2…), none on rows below the table.
    const dv = (key: string) => log.sheet.validations.find((v) => v.address === `${columnLetter(COLUMNS.findIndex((c) => c.key === key))}2`);
    expect(dv('agent')!.rule).toEqual({ list: { inCellDropDown: true, source: '=List_Agent' } });
    // Agents, like products, are the shop's own list: a new 客服 may type their own name (warning, not stop).
    expect(dv('agent')!.errorAlert!.style).toBe('Warning');
    expect(dv('customerType')!.errorAlert!.style).toBe('Stop');
    expect(dv('product')!.rule).toEqual({ list: { inCellDropDown: true, source: '=List_Product' } });
    expect(dv('product')!.errorAlert!.style).toBe('Warning');
    expect(dv('quantity')!.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    expect(dv('date')!.rule).toEqual({ date: { formula1: '=TODAY()', operator: 'LessThanOrEqualTo' } });
    expect(dv('customerId')!.rule).toEqual({ textLength: { formula1: 64, operator: 'LessThanOrEqualTo' } });
    expect(log.sheet.conditionalFormats).toHaveLength(10);
    expect(log.sheet.conditionalFormats.every((c) => c.type === 'Custom' && c.fill === HIGHLIGHT_FILL)).toBe(true);
    expect(log.sheet.conditionalFormats.find((c) => c.address === 'M2')!.formula).toBe('=AND($K2="否",LEN($M2)=0)');
    expect([...log.sheet.validations, ...log.sheet.conditionalFormats].every((r) => /^[A-Z]+2$/.test(r.address))).toBe(true);

    // Lists on 字典, one table per list with its label as header; names point at them.
    for (const k of LIST_KEYS) {
      expect(fx.table(LISTS[k].tableName)!.sheet.name).toBe(DICT_SHEET);
      expect(fx.headers(LISTS[k].tableName)).toEqual([LISTS[k].zh]);
      expect(fx.bodyValues(LISTS[k].tableName).map((r) => r[0])).toEqual(LISTS[k].items.map((i) => i.value));
      expect(fx.names.get(LISTS[k].rangeName)).toBe(listRefersTo(k, 'zh-CN'));
    }
    expect(fx.bodyValues(META_TABLE)).toEqual([['templateId', 'shop-stats/inquiry-log'], ['version', 2], ['lang', 'zh-CN']]);
    expect(await wb.getState()).toEqual({ host: 'excel', templatePresent: true, templateVersion: 2, agency: null, client: null, logRows: 0, pivotSupported: true });
  });

  test('a kit workbook stamped with agency and client: getState reads them back', async () => {
    const { fx, wb } = setup();
    await wb.insertTemplate({ lang: 'zh-CN' });
    // Two stamp rows below the table, then the table resized over them (as the kit writes them).
    const t = fx.table(META_TABLE)!;
    [['agency', '杭州某代运营'], ['client', '  张三旗舰店 ']].forEach((pair, r) =>
      pair.forEach((v, c) => fx.enter(fx.cell(t.sheet, t.top + t.rows + r, t.left + c), v, false, true)),
    );
    t.rows += 2;
    expect(await wb.getState()).toMatchObject({ templateVersion: 2, agency: '杭州某代运营', client: '张三旗舰店' });
  });

  test('English template: en headers, en formulas, en list headers', async () => {
    const { fx, wb } = setup();
    await wb.insertTemplate({ lang: 'en-US' });
    expect(fx.headers(LOG_TABLE)).toEqual(COLUMNS.map((c) => c.en));
    expect(fx.cellOf(LOG_SHEET, 'Q2')!.formula).toBe(calcFormula('dealFlag', 'en-US'));
    expect(fx.names.get('List_Agent')).toBe('=Dict_Agent[Agent]');
  });

  test('second insert: unchanged, zero writes, 2 read syncs', async () => {
    const { fx, wb } = setup();
    await wb.insertTemplate({ lang: 'zh-CN' });
    fx.resetCounters();
    const again = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(again).toEqual({ status: 'unchanged', changes: [] });
    expect(fx.writes).toEqual([]);
    expect(fx.syncs).toBe(2);
  });

  test('without the data-validation API (ExcelApi 1.7) the template still goes in, without validation', async () => {
    const { fx, wb } = setup({ supported: (_s, v) => Number(v) <= 1.7 });
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('inserted');
    expect(fx.sheet(LOG_SHEET)!.validations).toEqual([]);
    expect(fx.sheet(LOG_SHEET)!.conditionalFormats.length).toBe(10);
    expect((await wb.getState()).pivotSupported).toBe(false);
  });
});

describe('repair', () => {
  /** A user's workbook: the log renamed to 表1 and moved to C3, 备注 missing, a user column 店铺, two rows. */
  function userWorkbook() {
    const ctx = setup();
    const headers = [...COLUMNS.filter((c) => c.key !== 'note').map((c) => c.zh), '店铺'];
    const row = (id: string, shop: string) => headers.map((h) => (h === '客户ID' ? id : h === '店铺' ? shop : h === '日期' ? 46146 : h === '是否成交' ? '否' : ''));
    ctx.fx.putTable('我的登记', '表1', 'C3', [headers, row('c1', '旗舰店'), row('c2', '分销店')]);
    return ctx;
  }

  test('renamed, moved table with a missing column and a user column: renamed back, column added, rows kept; ≤ 5 syncs', async () => {
    const { fx, wb } = userWorkbook();
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('repaired');
    expect(fx.syncs).toBeLessThanOrEqual(5);
    expect(result.keptColumns).toEqual(['店铺']);
    expect(result.changes.filter((c) => c.kind === 'renamedTable' || c.kind === 'addedColumn').map((c) => [c.kind, c.target])).toEqual([
      ['renamedTable', LOG_TABLE],
      ['addedColumn', '备注'],
    ]);
    expect(result.changes[0].message['en-US']).toContain('表1');
    const log = fx.table(LOG_TABLE)!;
    expect(log.sheet.name).toBe('我的登记');
    expect([log.top, log.left]).toEqual([2, 2]);
    const headers = fx.headers(LOG_TABLE);
    expect(headers.slice(-2)).toEqual(['店铺', '备注']);
    const body = fx.bodyValues(LOG_TABLE);
    expect(body.map((r) => [r[headers.indexOf('客户ID')], r[headers.indexOf('店铺')]])).toEqual([['c1', '旗舰店'], ['c2', '分销店']]);
    // The new text column is text-formatted on every existing row and validated on the table's rows (4–5) only.
    const noteCol = columnLetter(2 + headers.length - 1);
    expect(fx.cellOf('我的登记', `${noteCol}4`)!.numberFormat).toBe('@');
    expect(fx.cellOf('我的登记', `${noteCol}5`)!.numberFormat).toBe('@');
    expect(log.sheet.validations.find((v) => v.address === `${noteCol}4:${noteCol}5`)!.rule).toEqual({ textLength: { formula1: 255, operator: 'LessThanOrEqualTo' } });
    // Lists, names and stamp were missing too.
    expect(result.changes.filter((c) => c.kind === 'createdList')).toHaveLength(LIST_KEYS.length);
    expect(fx.names.size).toBe(LIST_KEYS.length);
    expect(fx.table(META_TABLE)).toBeDefined();
    // And now it is complete.
    fx.resetCounters();
    expect((await wb.insertTemplate({ lang: 'zh-CN' })).status).toBe('unchanged');
    expect(fx.writes).toEqual([]);
  });

  test('a missing calculated column comes back as a calculated column over existing rows', async () => {
    const { fx, wb } = setup();
    await wb.insertTemplate({ lang: 'zh-CN' });
    await wb.appendEntry({ date: '2026-05-04', agent: '客服1', customerId: 'a', customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '浙江', product: '示例商品A', quantity: 1, amount: 10, deal: '是', dealType: '零售', noDealReason: null, followUp: null, nextFollowUp: null, note: null });
    const log = fx.table(LOG_TABLE)!;
    // The user deleted 成交标记 (column Q) — drop the column from the fake table.
    log.cols = 16;
    for (const r of [0, 1]) log.sheet.cells.delete(`${r},16`);
    log.sheet.cells.delete('0,17');
    log.sheet.cells.delete('1,17');
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.changes.map((c) => c.target)).toEqual(['成交标记', '月份']);
    expect(fx.headers(LOG_TABLE).slice(-2)).toEqual(['成交标记', '月份']);
    expect(fx.bodyValues(LOG_TABLE)[0].slice(-2)).toEqual([1, 46143]);
    expect(fx.cellOf(LOG_SHEET, 'Q2')!.formula).toBe(calcFormula('dealFlag', 'zh-CN'));
  });

  test('two candidate tables: ambiguous, nothing written; useTable picks one', async () => {
    const { fx, wb } = setup();
    const headers = COLUMNS.map((c) => c.zh);
    fx.putTable('A', '登记A', 'A1', [headers, headers.map(() => '')]);
    fx.putTable('B', '登记B', 'A1', [headers, headers.map(() => '')]);
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('ambiguous');
    expect(result.candidates).toEqual(['登记A', '登记B']);
    expect(fx.writes).toEqual([]);
    const chosen = await wb.insertTemplate({ lang: 'zh-CN', useTable: '登记B' });
    expect(chosen.status).toBe('repaired');
    expect(fx.table(LOG_TABLE)!.sheet.name).toBe('B');
    expect(fx.table('登记A')).toBeDefined();
  });

  test('a table with few schema headers is not a candidate: a fresh log is inserted beside it', async () => {
    const { fx, wb } = setup();
    fx.putTable('Sheet1', '库存', 'A1', [['商品', '数量', '仓库'], ['x', 1, 'A']]);
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('inserted');
    expect(fx.table('库存')).toBeDefined();
    expect(fx.table(LOG_TABLE)!.sheet.name).toBe(LOG_SHEET);
  });

  test('a used sheet named 询盘统计 without the log: the log goes to a new sheet, the data stays', async () => {
    const { fx, wb } = setup();
    fx.putTable(LOG_SHEET, '旧表', 'A1', [['x'], ['keep me']]);
    await wb.insertTemplate({ lang: 'zh-CN' });
    expect(fx.table(LOG_TABLE)!.sheet.name).toBe(`${LOG_SHEET} (2)`);
    expect(fx.bodyValues('旧表')).toEqual([['keep me']]);
  });
});

test('round trips do not grow with the number of tables or rows (no sync in a loop)', async () => {
  const counts: number[] = [];
  for (const n of [1, 12]) {
    const { fx, wb } = setup();
    for (let i = 0; i < n; i++) fx.putTable('Sheet1', `T${i}`, `${columnLetter(i * 3)}1`, [['a', 'b'], ...Array.from({ length: n * 50 }, (_, r) => [r, 'x'])]);
    const headers = COLUMNS.filter((c) => c.key !== 'note').map((c) => c.zh);
    fx.putTable('Log', 'Old', 'A1', [headers, ...Array.from({ length: n * 100 }, () => headers.map(() => ''))]);
    await wb.insertTemplate({ lang: 'zh-CN' });
    counts.push(fx.syncs);
  }
  expect(counts[0]).toBe(counts[1]);
  expect(counts[1]).toBeLessThanOrEqual(5);
});

