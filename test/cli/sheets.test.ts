/**
 * No row dropped without a word: every sheet holding the log is read (rows keep their sheet in messages and in
 * merge's source column), sheets that look like the log but differ are refused naming them, a schema column present
 * twice is refused naming it, and a header further down a sheet named like the log is found.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readLog } from '../../src/cli/readLog';
import { LOG_SHEET, NO, type LogEntry } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS, toRawRow } from '../support/generateRows';
import { openpyxlRows, writeWorkbook, ZH_HEADERS } from './xlsxFixtures';
import { runCli } from './runCli';

const cli = runCli;

function withoutReason(e: LogEntry): LogEntry {
  return { ...e, deal: NO, dealType: null, amount: null, quantity: null, noDealReason: null, followUp: '已跟进', nextFollowUp: null };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-sheets-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('monthly sheets 一月 and 二月', () => {
  const jan = generateRows(12, 31, { endDate: '2026-01-31' });
  const feb = generateRows(9, 32, { endDate: '2026-02-28' });
  feb[2] = withoutReason(feb[2]); // sheet row 4 of 二月
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, 'monthly.xlsx');
    await writeWorkbook(
      file,
      [
        { name: '一月', rows: [ZH_HEADERS, ...jan.map((r) => toRawRow(r))] },
        { name: '二月', rows: [ZH_HEADERS, ...feb.map((r) => toRawRow(r))] },
      ],
      SAMPLE_LISTS,
    );
  });

  it('check reads both sheets and names the sheet of a problem (zh and en)', async () => {
    const zh = await cli(['check', file]);
    expect(zh.code).toBe(1);
    expect(zh.stdout.split('\n').filter((l) => l.includes('错误:'))).toEqual([`${file}:二月!4 未成交原因 错误: 「未成交原因」必填：未成交时请选择原因`]);
    expect(zh.stdout).toContain(`${file}：21 行，1 个错误`);
    const en = await cli(['check', file, '--lang', 'en-US']);
    expect(en.stdout.split('\n').filter((l) => l.includes(' error:'))).toEqual([`${file}:二月!4 No-deal reason error: No-deal reason is required when Deal is No`]);
  });

  it('merge keeps every row with its sheet in the source column', async () => {
    const out = path.join(dir, 'monthly-merged.xlsx');
    const r = await cli(['merge', file, '--out', out]);
    expect(r.stdout).toBe(`已合并 1 个文件、21 行：${out}`);
    const rows = openpyxlRows(out, LOG_SHEET);
    const source = rows[0].indexOf('来源');
    const sources = rows.slice(1).filter((row) => row.some((v) => v !== null)).map((row) => row[source]);
    expect(sources).toEqual([...jan.map(() => 'monthly.xlsx:一月'), ...feb.map(() => 'monthly.xlsx:二月')]);
  });
});

describe('refusals that name what to fix', () => {
  it('log-like sheets with different columns: exit 2, one line naming the sheets', async () => {
    const file = path.join(dir, 'ambiguous.xlsx');
    const rows = generateRows(5, 3);
    const withoutNote = ZH_HEADERS.slice(0, 15);
    await writeWorkbook(
      file,
      [
        { name: '一月', rows: [ZH_HEADERS, ...rows.map((r) => toRawRow(r))] },
        { name: '二月', rows: [withoutNote, ...rows.map((r) => toRawRow(r).slice(0, 15))] },
      ],
      SAMPLE_LISTS,
    );
    const zh = await cli(['merge', file, '--out', path.join(dir, 'never.xlsx')]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`无法读取 ${file}：多个工作表像询盘统计表但列不同（一月, 二月），无法确定读取哪些；请统一表头或删去多余的工作表`);
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
    const en = await cli(['check', file, '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      `Cannot read ${file}: several sheets look like the inquiry log but have different columns (一月, 二月); make their headers the same or remove the extra sheets`,
    );
  });

  it('a second 客户ID column: exit 2, one line naming the column and its letters', async () => {
    const file = path.join(dir, 'duplicate-column.xlsx');
    const rows = generateRows(4, 4);
    await writeWorkbook(file, [{ name: LOG_SHEET, rows: [[...ZH_HEADERS, '客户ID'], ...rows.map((r) => [...toRawRow(r), 'X'])] }], SAMPLE_LISTS);
    const zh = await cli(['check', file]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`无法读取 ${file}：表头有重复的列（询盘统计: 客户ID (C, S)），无法确定使用哪一列；请删除或改名其中一列`);
    const en = await cli(['report', file, '--json', '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(`Cannot read ${file}: the header has a column twice (询盘统计: 客户ID (C, S)), so which one holds the data is unclear; delete or rename one of them`);
  });
});

describe('merge of a log missing template columns', () => {
  it('says which columns stay empty (zh and en), and still merges every row', async () => {
    const file = path.join(dir, 'no-type.xlsx');
    const rows = generateRows(7, 12);
    const keep = (r: readonly unknown[]) => r.filter((_, i) => i !== 3 && i !== 15);
    await writeWorkbook(file, [{ name: LOG_SHEET, rows: [keep(ZH_HEADERS), ...rows.map((r) => keep(toRawRow(r)))] }], SAMPLE_LISTS);
    const zh = await cli(['merge', file, '--out', path.join(dir, 'no-type-merged.xlsx')]);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toBe(`${file}：缺少列 客户类型、备注，合并后这些列为空`);
    const en = await cli(['merge', file, '--out', path.join(dir, 'no-type-merged-en.xlsx'), '--lang', 'en-US']);
    expect(en.stderr).toBe(`${file}: missing columns Customer type, Note; those cells stay empty in the merged log`);
    expect(en.stdout).toBe(`Merged 1 files, 7 rows: ${path.join(dir, 'no-type-merged-en.xlsx')}`);
  });
});

describe('a header further down', () => {
  const rows = generateRows(6, 5);
  const titled = (headerRow: readonly unknown[]) => [
    ['2026 年询盘统计'],
    ['店铺：示例旗舰店'],
    [],
    ...Array.from({ length: 5 }, (_, i) => [`说明 ${i + 1}`]),
    headerRow,
    ...rows.map((r) => toRawRow(r)),
  ];

  it('in a sheet named like the log (row 9) is found, with the right row numbers', async () => {
    const file = path.join(dir, 'title-rows.xlsx');
    rows[1] = withoutReason(rows[1]); // sheet row 11
    await writeWorkbook(file, [{ name: '询盘统计（2026）', rows: titled(ZH_HEADERS) }], SAMPLE_LISTS);
    const log = await readLog(file);
    expect(log.sheets.map((s) => [s.name, s.headerRow, s.rows.length])).toEqual([['询盘统计（2026）', 9, 6]]);
    const r = await cli(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.includes('错误:'))).toEqual([`${file}:11 未成交原因 错误: 「未成交原因」必填：未成交时请选择原因`]);
  });

  it('in a sheet named like the log, with only a few template headers, is still found', async () => {
    const file = path.join(dir, 'few-headers.xlsx');
    await writeWorkbook(file, [{ name: LOG_SHEET, rows: [['标题'], [], [], [], [], [], ['日期', '客服', '客户ID'], [46000, '小李', 'TB1']] }], SAMPLE_LISTS);
    const log = await readLog(file);
    expect(log.sheets.map((s) => [s.headerRow, s.rows.length])).toEqual([[7, 1]]);
  });
});
