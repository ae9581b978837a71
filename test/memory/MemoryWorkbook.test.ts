import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { COLUMNS, LISTS, LIST_KEYS, LOG_TABLE, META_TABLE, REPORT_SHEET, DICT_SHEET, LOG_SHEET, type LogEntry } from '../../src/core/schema';
import { isoToSerial } from '../../src/core/dates';
import { WorkbookError } from '../../src/core/workbook';
import { generateRows, toRawRow } from '../support/generateRows';

const entry = (over: Partial<LogEntry> = {}): LogEntry => ({
  date: '2026-05-04', agent: '客服1', customerId: 'tb_001', customerType: '零售客户', newOrReturning: '新客', channel: '微信',
  region: '浙江', product: '示例商品A', quantity: 2, amount: 128.5, deal: '是', dealType: '零售', noDealReason: null,
  followUp: null, nextFollowUp: null, note: null, ...over,
});

describe('MemoryWorkbook template', () => {
  test('insert creates sheets, the log with every column, lists, names and the stamp', async () => {
    const wb = new MemoryWorkbook();
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('inserted');
    expect(wb.sheets).toEqual([LOG_SHEET, DICT_SHEET, REPORT_SHEET]);
    expect(wb.table(LOG_TABLE)!.headers).toEqual(COLUMNS.map((c) => c.zh));
    for (const k of LIST_KEYS) {
      expect(wb.table(LISTS[k].tableName)!.rows.map((r) => r[0])).toEqual(LISTS[k].items.map((i) => i.value));
      expect(wb.names.get(LISTS[k].rangeName)).toBe(`=${LISTS[k].tableName}[${LISTS[k].zh}]`);
    }
    expect(wb.table(META_TABLE)!.rows).toEqual([['templateId', 'shop-stats/inquiry-log'], ['version', 2], ['lang', 'zh-CN']]);
    const state = await wb.getState();
    expect(state).toEqual({ host: 'memory', templatePresent: true, templateVersion: 2, agency: null, client: null, logRows: 0, pivotSupported: true });
  });

  test('a second insert changes nothing', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'en-US' });
    const writes = wb.writes;
    const again = await wb.insertTemplate({ lang: 'en-US' });
    expect(again).toEqual({ status: 'unchanged', changes: [] });
    expect(wb.writes).toBe(writes);
  });

  test('repair: renamed table with a missing column and a user column keeps every row', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    await wb.appendEntry(entry());
    await wb.appendEntry(entry({ customerId: 'tb_002' }));
    const log = wb.table(LOG_TABLE)!;
    log.name = '表1';
    const noteAt = log.headers.indexOf('备注');
    log.headers.splice(noteAt, 1);
    log.rows.forEach((r) => r.splice(noteAt, 1));
    log.formats.splice(noteAt, 1);
    log.formulas.splice(noteAt, 1);
    log.headers.push('店铺');
    log.rows.forEach((r, i) => r.push(`shop${i}`));
    log.formats.push('General');
    log.formulas.push(null);

    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('repaired');
    expect(result.keptColumns).toEqual(['店铺']);
    expect(result.changes.map((c) => [c.kind, c.target])).toEqual([['renamedTable', LOG_TABLE], ['addedColumn', '备注']]);
    const repaired = wb.table(LOG_TABLE)!;
    expect(repaired.headers.slice(-2)).toEqual(['店铺', '备注']);
    expect(repaired.rows.map((r) => r[repaired.headers.indexOf('店铺')])).toEqual(['shop0', 'shop1']);
    expect(repaired.rows.map((r) => r[repaired.headers.indexOf('客户ID')])).toEqual(['tb_001', 'tb_002']);
  });

  test('two candidate tables: asks, writes nothing; useTable picks one', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    const log = wb.table(LOG_TABLE)!;
    log.name = 'A';
    wb.tables.push({ ...log, name: 'B', rows: [] });
    const writes = wb.writes;
    const result = await wb.insertTemplate({ lang: 'zh-CN' });
    expect(result.status).toBe('ambiguous');
    expect(result.candidates).toEqual(['A', 'B']);
    expect(wb.writes).toBe(writes);
    const chosen = await wb.insertTemplate({ lang: 'zh-CN', useTable: 'B' });
    expect(chosen.status).toBe('repaired');
    expect(wb.tables.map((t) => t.name)).toContain('A');
    expect(wb.tables.map((t) => t.name)).not.toContain('B');
    expect(chosen.changes[0]).toMatchObject({ kind: 'renamedTable', target: LOG_TABLE });
  });
});

describe('MemoryWorkbook entries', () => {
  test('append stores canonical cells and calculated columns; remove only a matching row', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    const row = await wb.appendEntry(entry({ customerId: '=1+1' }));
    expect(row).toEqual({ rowIndex: 0, sheetRow: 2, entry: entry({ customerId: '=1+1' }) });
    const log = wb.table(LOG_TABLE)!;
    const cell = (h: string) => log.rows[0][log.headers.indexOf(h)];
    expect(cell('日期')).toBe(isoToSerial('2026-05-04'));
    expect(cell('客户ID')).toBe('=1+1');
    expect(cell('成交标记')).toBe(1);
    expect(cell('月份')).toBe(isoToSerial('2026-05-01'));
    expect(cell('未成交原因')).toBe('');

    log.rows[0][log.headers.indexOf('客户ID')] = 'edited';
    expect(await wb.removeEntry(row)).toBe(false);
    expect(log.rows).toHaveLength(1);
    log.rows[0][log.headers.indexOf('客户ID')] = '=1+1';
    expect(await wb.removeEntry(row)).toBe(true);
    expect(log.rows).toHaveLength(0);
  });

  test('failNext makes the next writes fail with a retryable error, then writes again', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    wb.failNext(2, 'timeout');
    for (let i = 0; i < 2; i++) {
      const err = await wb.appendEntry(entry()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkbookError);
      expect((err as WorkbookError).code).toBe('timeout');
      expect((err as WorkbookError).retryable).toBe(true);
    }
    await wb.appendEntry(entry());
    expect((await wb.getState()).logRows).toBe(1);
  });

  test('append without a template: tableMissing, not retryable', async () => {
    const err = (await new MemoryWorkbook().appendEntry(entry()).catch((e: unknown) => e)) as WorkbookError;
    expect(err.code).toBe('tableMissing');
    expect(err.retryable).toBe(false);
  });

  test('onChange fires on writes and can be unsubscribed', async () => {
    const wb = new MemoryWorkbook();
    const seen: number[] = [];
    const off = wb.onChange(() => seen.push(wb.snapshot().log?.rows.length ?? -1));
    await wb.insertTemplate({ lang: 'zh-CN' });
    await wb.appendEntry(entry());
    off();
    await wb.appendEntry(entry());
    expect(seen).toEqual([0, 1]);
  });
});

describe('MemoryWorkbook check support', () => {
  test('readLog reads in chunks with progress and honours cancel', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed(generateRows(2500, 7));
    const progress: Array<[number, number]> = [];
    const snap = await wb.readLog({ chunkRows: 1000, onProgress: (d, t) => progress.push([d, t]) });
    expect(snap.rows).toHaveLength(2500);
    expect(progress).toEqual([[0, 2500], [1000, 2500], [2000, 2500], [2500, 2500]]);
    expect(snap.positions.customerId).toBe(2);

    const controller = new AbortController();
    const reading = wb.readLog({ chunkRows: 500, onProgress: (d) => d >= 1000 && controller.abort(), signal: controller.signal });
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
  });

  test('marks replace earlier marks; clear removes them; select records the cell', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed(generateRows(10, 3));
    await wb.markCells([{ rowIndex: 1, key: 'amount' }]);
    await wb.markCells([{ rowIndex: 2, key: 'date' }, { rowIndex: 3, key: 'deal' }]);
    expect(wb.snapshot().marks).toEqual([{ rowIndex: 2, key: 'date' }, { rowIndex: 3, key: 'deal' }]);
    await wb.clearMarks();
    expect(wb.snapshot().marks).toEqual([]);
    await wb.selectCell({ rowIndex: 4, key: 'region' });
    expect(wb.snapshot().selected).toEqual({ rowIndex: 4, key: 'region' });
  });

  test('readLists returns the workbook lists (an agency’s own agents)', async () => {
    const wb = new MemoryWorkbook();
    await wb.insertTemplate({ lang: 'zh-CN' });
    wb.table(LISTS.agent.tableName)!.rows.push(['小李']);
    expect((await wb.readLists()).agent).toEqual(['客服1', '客服2', '小李']);
  });
});

describe('MemoryWorkbook seeding', () => {
  test('raw rows (cells in header order) land as they are; calculated columns are computed', async () => {
    const wb = new MemoryWorkbook();
    const rows = generateRows(20, 9);
    const raw = rows.map((e) => toRawRow(e));
    raw[3][2] = '=1+1'; // a pasted formula-looking id stays as typed
    await wb.seed(raw);
    const snap = await wb.readLog();
    expect(snap.rows).toHaveLength(20);
    expect(snap.rows[3][2]).toBe('=1+1');
    // toRawRow gives the same calculated values the workbook computes (成交标记, 月份), blanks as null vs "".
    expect(snap.rows.map((r) => r.map((v) => (v === '' ? null : v)))).toEqual(raw);
  });

  test('reading without a template: tableMissing', async () => {
    await expect(new MemoryWorkbook().readLog()).rejects.toMatchObject({ code: 'tableMissing' });
  });
});

