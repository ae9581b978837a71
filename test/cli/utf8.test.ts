/**
 * Chinese text survives the kit's reader wherever a UTF-8 character falls across an inflated chunk boundary: logs
 * written by exceljs (shared strings), exceljs' streaming writer (long inline strings in the sheet parts),
 * LibreOffice (a client re-saving the template) and openpyxl. `check` finds no error and `merge` keeps every
 * 客户ID, 地区, 商品 and 备注 exactly, compared cell by cell through openpyxl, an independent reader.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { COLUMNS, DICT_SHEET, LISTS, LIST_KEYS, LOG_SHEET, header, type ListValues, type LogEntry } from '../../src/core/schema';
import { sofficeConvert } from '../oracle/soffice';
import { generateRows, SAMPLE_LISTS, toRawRow } from '../support/generateRows';
import { chineseText, openpyxlRows, runOpenpyxl, splitCharacters } from './xlsxFixtures';
import { runCli } from './runCli';

const cli = runCli;

/** The agency's own lists: 1,500 Chinese product names on top of the sample lists (a 字典 of several chunks). */
const LISTS_CJK: ListValues = {
  ...SAMPLE_LISTS,
  product: [...SAMPLE_LISTS.product, ...Array.from({ length: 1500 }, (_, i) => `${chineseText(900 + i, 6 + (i % 9))}款${i}`)],
};

/** 3,000 rows, each with a Chinese customer handle and a Chinese note of 40–99 characters. */
function chineseRows(n: number): LogEntry[] {
  return generateRows(n, 13, { endDate: '2026-06-30', lists: LISTS_CJK }).map((r, i) => ({
    ...r,
    customerId: `买家${chineseText(i + 1, 3)}${i}`,
    note: chineseText(10_000 + i, 40 + (i % 60)),
  }));
}

const KEPT = ['customerId', 'region', 'product', 'note'] as const;

/** The merged log read by openpyxl: every row's 客户ID, 地区, 商品, 备注 equal the rows written, in order. */
function expectMergedExactly(merged: string, rows: readonly LogEntry[]): void {
  const sheet = openpyxlRows(merged, LOG_SHEET);
  const head = sheet[0];
  const at = Object.fromEntries(KEPT.map((k) => [k, head.indexOf(header(k, 'zh-CN'))])) as Record<(typeof KEPT)[number], number>;
  for (const k of KEPT) expect(at[k]).toBeGreaterThanOrEqual(0);
  const data = sheet.slice(1).filter((r) => r.some((v) => v !== null));
  expect(data).toHaveLength(rows.length);
  const mismatches: string[] = [];
  rows.forEach((row, i) => {
    for (const k of KEPT) {
      if (data[i][at[k]] !== row[k]) mismatches.push(`row ${i + 2} ${k}: ${JSON.stringify(data[i][at[k]])} ≠ ${JSON.stringify(row[k])}`);
    }
  });
  expect(mismatches.slice(0, 5)).toEqual([]);
}

async function expectCheckClean(file: string): Promise<void> {
  const r = await cli(['check', file]);
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toContain('错误:');
  expect(r.code).toBe(0);
}

let dir: string;
const rows = chineseRows(3000);
let exceljsFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-utf8-'));
  exceljsFile = path.join(dir, 'client-3000.xlsx');
  await writeTemplate(exceljsFile, { lang: 'zh-CN', rows, lists: LISTS_CJK });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a 3,000-row log written by exceljs (shared strings)', () => {
  it('splits characters across chunk boundaries, and exceljs streaming garbles it', async () => {
    const shared = await splitCharacters(exceljsFile, 'xl/sharedStrings.xml');
    expect(shared.chunks).toBeGreaterThan(10);
    expect(shared.splits).toBeGreaterThan(5);
    // The file really is the bug's case: exceljs 4.4's streaming reader turns some characters into U+FFFD.
    let garbled = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(exceljsFile, { sharedStrings: 'cache', worksheets: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet) for (const v of row.values as unknown[]) if (typeof v === 'string' && v.includes('\uFFFD')) garbled++;
    }
    expect(garbled).toBeGreaterThan(0);
  });

  it('check finds no error and merge keeps every 客户ID, 地区, 商品 and 备注', async () => {
    await expectCheckClean(exceljsFile);
    const merged = path.join(dir, 'merged-exceljs.xlsx');
    const r = await cli(['merge', exceljsFile, '--out', merged]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`已合并 1 个文件、3000 行：${merged}`);
    expectMergedExactly(merged, rows);
  }, 120_000);
});

describe('the same log saved by LibreOffice', () => {
  it('splits characters in its shared strings; check is clean and merge keeps every value', async () => {
    const [saved] = sofficeConvert([exceljsFile], 'xlsx', path.join(dir, 'lo'));
    const shared = await splitCharacters(saved, 'xl/sharedStrings.xml');
    expect(shared.splits).toBeGreaterThan(5);
    await expectCheckClean(saved);
    const merged = path.join(dir, 'merged-lo.xlsx');
    expect((await cli(['merge', saved, '--out', merged])).code).toBe(0);
    expectMergedExactly(merged, rows);
  }, 180_000);
});

describe('long inline strings (exceljs streaming writer without shared strings)', () => {
  it('are read whole in the log and 字典 parts, Chinese headers included', async () => {
    const file = path.join(dir, 'inline.xlsx');
    const some = rows.slice(0, 1500);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const log = writer.addWorksheet(LOG_SHEET);
    log.addRow(COLUMNS.map((c) => header(c.key, 'zh-CN'))).commit();
    for (const r of some) log.addRow(toRawRow(r)).commit();
    log.commit();
    const dict = writer.addWorksheet(DICT_SHEET);
    dict.addRow(LIST_KEYS.map((k) => LISTS[k].zh)).commit();
    const longest = Math.max(...LIST_KEYS.map((k) => LISTS_CJK[k].length));
    for (let i = 0; i < longest; i++) dict.addRow(LIST_KEYS.map((k) => LISTS_CJK[k][i] ?? null)).commit();
    dict.commit();
    await writer.commit();
    expect((await splitCharacters(file, 'xl/worksheets/sheet1.xml')).splits).toBeGreaterThan(5);
    expect((await splitCharacters(file, 'xl/worksheets/sheet2.xml')).splits).toBeGreaterThan(0);

    await expectCheckClean(file);
    const merged = path.join(dir, 'merged-inline.xlsx');
    expect((await cli(['merge', file, '--out', merged])).code).toBe(0);
    expectMergedExactly(merged, some);
  }, 120_000);
});

describe('a log written by openpyxl (character references, never split)', () => {
  it('check is clean and merge keeps every value', async () => {
    const file = path.join(dir, 'openpyxl.xlsx');
    const some = rows.slice(0, 500);
    runOpenpyxl<null>(
      `import sys, json, openpyxl
a = json.load(sys.stdin)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = a['log']
ws.append(a['headers'])
for r in a['rows']: ws.append(r)
d = wb.create_sheet(a['dict'])
for r in a['dictRows']: d.append(r)
wb.save(a['file'])
print('null')`,
      {
        file,
        log: LOG_SHEET,
        dict: DICT_SHEET,
        headers: COLUMNS.map((c) => header(c.key, 'zh-CN')),
        rows: some.map((r) => toRawRow(r)),
        dictRows: [LIST_KEYS.map((k) => LISTS[k].zh), ...Array.from({ length: LISTS_CJK.product.length }, (_, i) => LIST_KEYS.map((k) => LISTS_CJK[k][i] ?? null))],
      },
    );
    await expectCheckClean(file);
    const merged = path.join(dir, 'merged-openpyxl.xlsx');
    expect((await cli(['merge', file, '--out', merged])).code).toBe(0);
    expectMergedExactly(merged, some);
  }, 120_000);
});
