/**
 * Excel on the web's 5 MB payload limits and protected sheets (rules 8 and 9 of issue 8): the fake enforces them,
 * chunked reads halve, and both come out as clear messages in the user's language with nothing changed.
 */
import { COLUMNS, LOG_SHEET, LOG_TABLE } from '../../src/core/schema';
import { WorkbookError } from '../../src/core/workbook';
import { PAYLOAD_LIMIT } from './fakeExcel';
import { entry, setup } from './helpers';

const col = (key: string) => COLUMNS.findIndex((c) => c.key === key);

describe('rule 8: 5 MB per request and per response (resource-limits-and-performance-optimization)', () => {
  test('the fake refuses a request over 5 MB and a response over 5 MB', async () => {
    const { fx } = setup();
    const big = '数'.repeat(2000);
    const ctx = fx.context();
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:A1000').values = Array.from({ length: 1000 }, () => [big]);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const read = sheet.getRange('A1:A1000').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    void read;
    const small = sheet.getRange('A1:A100').load('values');
    await ctx.sync();
    expect(small.values).toHaveLength(100);
  });

  test('a chunk whose answer is over 5 MB is halved and read again: every row arrives', async () => {
    const { fx, wb } = setup();
    await wb.insertTemplate({ lang: 'zh-CN' });
    const t = fx.table(LOG_TABLE)!;
    // A user column holding long Chinese text: about 4.5 KB a row, far above the chunk estimate.
    fx.cell(t.sheet, 0, t.cols).value = '详情';
    t.cols++;
    const detail = '详'.repeat(1500);
    const n = 4000;
    for (let r = 0; r < n; r++) {
      fx.cell(t.sheet, 1 + r, col('customerId')).value = `c${r}`;
      fx.cell(t.sheet, 1 + r, t.cols - 1).value = detail;
    }
    t.rows = 1 + n;
    fx.resetCounters();
    const snapshot = await wb.readLog();
    expect(snapshot.rows).toHaveLength(n);
    expect(snapshot.rows[n - 1][col('customerId')]).toBe(`c${n - 1}`);
    // Some answers were refused (over the limit), every accepted one was under it.
    expect(fx.syncStats.some((s) => s.responseBytes > PAYLOAD_LIMIT)).toBe(true);
    expect(fx.syncStats.filter((s) => s.responseBytes <= PAYLOAD_LIMIT).length).toBeGreaterThan(0);
  });

  test('a single row over 5 MB cannot be halved: a clear, non-retryable message', async () => {
    const { fx, wb } = setup();
    await wb.insertTemplate({ lang: 'zh-CN' });
    const t = fx.table(LOG_TABLE)!;
    // A cell holds at most 32,767 characters: 60 full cells of CJK text make one row of about 5.8 MB.
    for (let c = t.cols; c < 60; c++) fx.cell(t.sheet, 0, c).value = `列${c}`;
    t.cols = 60;
    for (let c = 0; c < t.cols; c++) fx.cell(t.sheet, 1, c).value = '长'.repeat(32_000);
    const err = (await wb.readLog().catch((e: unknown) => e)) as WorkbookError;
    expect([err.code, err.retryable]).toEqual(['tooLarge', false]);
    expect(err.text['zh-CN']).toContain('5 MB');
    expect(err.text['en-US']).toContain('5 MB');
  });
});

describe('rule 9: AccessDenied means a protected sheet or workbook (excel-add-ins-worksheets, data protection)', () => {
  test('an append to a protected sheet: a message in the user’s language, nothing written, not retried', async () => {
    const { fx, wb } = setup();
    await wb.insertTemplate({ lang: 'zh-CN' });
    await wb.appendEntry(entry({ customerId: 'a' }));
    fx.sheet(LOG_SHEET)!.protected = true;
    const before = fx.bodyValues(LOG_TABLE);
    const err = (await wb.appendEntry(entry({ customerId: 'b' })).catch((e: unknown) => e)) as WorkbookError;
    expect(err).toBeInstanceOf(WorkbookError);
    expect([err.code, err.retryable]).toEqual(['protected', false]);
    expect(err.text['zh-CN']).toContain('受保护');
    expect(err.text['en-US']).toContain('protected');
    expect(fx.bodyValues(LOG_TABLE)).toEqual(before);
  });
});
