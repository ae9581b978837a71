/**
 * Bounded output and numbers: `check` lists at most --max-problems problems per file, then a count per column and
 * kind; `--json` is written as it goes; amounts and quantities past what a shop can mean are an error, never
 * Infinity; zero-width and bidi characters in 客户ID do not hide a duplicate.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { isInvalid, normalizeAmount, normalizeQuantity } from '../../src/core/validation/normalize';
import { LOG_SHEET, header } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS, toRawRow } from '../support/generateRows';
import { writeWorkbook, ZH_HEADERS } from './xlsxFixtures';

async function cli(args: string[]): Promise<{ code: number; lines: string[]; writes: number; stderr: string }> {
  const lines: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (s) => lines.push(s), err: (s) => stderr.push(s), progress: false };
  const code = await main(args, io, { SHOP_STATS_LANG: '', LANG: 'C.UTF-8' });
  return { code, lines: lines.join('\n').split('\n'), writes: lines.length, stderr: stderr.join('\n') };
}

let dir: string;
let allBad: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-bounds-'));
  allBad = path.join(dir, 'all-bad.xlsx');
  // 1,000 rows holding only a note: nine required columns missing on each, 9,000 errors.
  const rows = Array.from({ length: 1000 }, (_, i) => [...Array(15).fill(null), `备注 ${i}`]);
  await writeWorkbook(allBad, [{ name: LOG_SHEET, rows: [ZH_HEADERS, ...rows] }], SAMPLE_LISTS);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('check output is bounded', () => {
  it('lists the first 100 problems, then one count per column and kind (zh)', async () => {
    const r = await cli(['check', allBad]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(100 + 1 + 9 + 1);
    expect(r.lines[0]).toBe(`${allBad}:2 日期 错误: 「日期」必填`);
    expect(r.lines[100]).toBe(`${allBad}：另有 8900 个问题未列出（只列出前 100 个；用 --max-problems 调整，0 = 全部列出）。按列和类型汇总：`);
    expect(r.lines[101]).toBe(`${allBad}：日期 错误 1000 个，例如：「日期」必填`);
    expect(r.lines.slice(101, 110).map((l) => l.replace(/^.*：(\S+) 错误 (\d+) 个.*$/, '$1 $2'))).toEqual(
      (['date', 'agent', 'customerId', 'customerType', 'newOrReturning', 'channel', 'region', 'product', 'deal'] as const).map((k) => `${header(k, 'zh-CN')} 1000`),
    );
    expect(r.lines[110]).toBe(`${allBad}：1000 行，9000 个错误，0 个提醒`);
  });

  it('--max-problems changes the limit (en); a bad value is one line and exit 2', async () => {
    const r = await cli(['check', allBad, '--max-problems', '3', '--lang', 'en-US']);
    expect(r.lines.slice(0, 4)).toEqual([
      `${allBad}:2 Date error: Date is required`,
      `${allBad}:2 Agent error: Agent is required`,
      `${allBad}:2 Customer ID error: Customer ID is required`,
      `${allBad}: 8997 more problems not listed (only the first 3; change with --max-problems, 0 = all). By column and kind:`,
    ]);
    expect(r.lines[4]).toBe(`${allBad}: Date error × 1000, e.g. Date is required`);
    const bad = await cli(['check', allBad, '--max-problems', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--max-problems 应为 0 或正整数：lots');
    const badEn = await cli(['check', allBad, '--max-problems', '-1', '--lang', 'en-US']);
    expect(badEn.stderr).toBe('--max-problems must be 0 or a positive whole number: -1');
  });

  it('--json is bounded the same way and written problem by problem', async () => {
    const r = await cli(['check', allBad, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.lines.join('\n')) as {
      files: Array<{ rows: number; errors: number; omitted: number; problems: unknown[]; summary: Array<{ column: string; count: number; code: string }> }>;
      unreadable: unknown[];
    };
    const f = json.files[0];
    expect([f.rows, f.errors, f.omitted, f.problems.length]).toEqual([1000, 9000, 8900, 100]);
    expect(f.problems[0]).toEqual({ sheet: LOG_SHEET, row: 2, column: 'date', severity: 'error', code: 'required', message: '「日期」必填' });
    expect(f.summary.map((s) => [s.column, s.code, s.count])).toContainEqual(['customerId', 'required', 1000]);
    const all = await cli(['check', allBad, '--json', '--max-problems', '0']);
    const allJson = JSON.parse(all.lines.join('\n')) as { files: Array<{ problems: unknown[]; omitted: number }> };
    expect(allJson.files[0].problems).toHaveLength(9000);
    expect(allJson.files[0].omitted).toBe(0);
    // Written as it goes: one write per problem, not one string holding them all.
    expect(all.writes).toBeGreaterThan(9000);
  });
});

describe('amounts and quantities are bounded', () => {
  it('past a billion is an error with a message (never Infinity), in the CLI (zh and en) and in core', async () => {
    const [deal] = generateRows(40, 6).filter((e) => e.deal === '是');
    const file = path.join(dir, 'huge.xlsx');
    const rowAmount = toRawRow(deal);
    rowAmount[9] = 1.8e307;
    const rowQuantity = toRawRow(deal);
    rowQuantity[8] = '1' + '0'.repeat(400);
    await writeWorkbook(file, [{ name: LOG_SHEET, rows: [ZH_HEADERS, rowAmount, rowQuantity] }], SAMPLE_LISTS);
    const zh = await cli(['check', file]);
    expect(zh.code).toBe(1);
    expect(zh.lines.filter((l) => l.includes('错误:'))).toEqual([
      `${file}:2 成交金额 错误: 「成交金额」超过 10 亿，请检查是否填错`,
      `${file}:3 数量 错误: 「数量」超过 10 亿，请检查是否填错`,
    ]);
    const en = await cli(['check', file, '--lang', 'en-US']);
    expect(en.lines.filter((l) => l.includes(' error:'))).toEqual([
      `${file}:2 Amount (CNY) error: Amount (CNY) is over 1,000,000,000; check for a typo`,
      `${file}:3 Quantity error: Quantity is over 1,000,000,000; check for a typo`,
    ]);
    for (const v of [1.8e307, 2e9, '2,000,000,000元', '1' + '0'.repeat(400)]) expect(isInvalid(normalizeAmount(v))).toBe(true);
    expect(normalizeAmount(999_999_999.99)).toBe(999_999_999.99);
    expect(isInvalid(normalizeQuantity(1e10))).toBe(true);
    expect(normalizeQuantity('1000000000件')).toBe(1e9);
  });
});

describe('invisible characters in 客户ID', () => {
  it('do not hide a duplicate: zero-width space, bidi override and soft hyphen', async () => {
    const [first] = generateRows(1, 9);
    const file = path.join(dir, 'invisible.xlsx');
    const copies = ['\u200b', '\u202e', '\u00ad', '\u2066'].map((ch) => ({ ...first, customerId: `${first.customerId.slice(0, 2)}${ch}${first.customerId.slice(2)}${ch === '\u2066' ? '\u2069' : ''}` }));
    await writeWorkbook(file, [{ name: LOG_SHEET, rows: [ZH_HEADERS, toRawRow(first), ...copies.map((c) => toRawRow(c))] }], SAMPLE_LISTS);
    const r = await cli(['check', file]);
    const product = first.product;
    expect(r.lines.filter((l) => l.includes('可能重复'))).toEqual(
      [3, 4, 5, 6].map((row) => `${file}:${row} 客户ID 提醒: 可能重复：该「客户ID」在 ${first.date} 已有商品“${product}”的记录`),
    );
    const en = await cli(['check', file, '--lang', 'en-US']);
    expect(en.lines.filter((l) => l.includes('Possible duplicate'))).toEqual(
      [3, 4, 5, 6].map((row) => `${file}:${row} Customer ID warning: Possible duplicate: this Customer ID already has an entry for “${product}” on ${first.date}`),
    );
  });
});
