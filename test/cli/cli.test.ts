/**
 * The shop-stats CLI end to end: real .xlsx files written by the template writer, read back by check / report /
 * merge, and the compiled bin entry spawned as a user would run it (exit codes, stdout, stderr).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { readLog } from '../../src/cli/readLog';
import type { Io } from '../../src/cli/io';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { COLUMNS, LOG_SHEET, NO, calcFormula, header, type LogEntry } from '../../src/core/schema';
import { aggregate } from '../../src/core/reports/aggregate';
import { REPORT_IDS } from '../../src/core/reportIds';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { buildCli, runBin } from './buildCli';

function bufferIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), progress: false };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferIo();
  const code = await main(args, io, { SHOP_STATS_LANG: '', LANG: 'C.UTF-8' });
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

let dir: string;
let bin: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-cli-'));
  bin = buildCli();
}, 120_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (bin) fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
});

/** A "否" row without 未成交原因 at index 5 → sheet row 7 (header is row 1). */
function rowsWithPlantedError(): LogEntry[] {
  const rows = generateRows(40, 7, { endDate: '2026-06-30' });
  rows[5] = { ...rows[5], deal: NO, dealType: null, amount: null, quantity: null, noDealReason: null, followUp: '已跟进', nextFollowUp: null };
  return rows;
}

describe('template', () => {
  it('bin: template --out then check exits 0 on the blank template', () => {
    const file = path.join(dir, 'blank.xlsx');
    const made = runBin(bin, ['template', '--out', file]);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain(file);
    expect(fs.existsSync(file)).toBe(true);
    const checked = runBin(bin, ['check', file]);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('未发现问题');
  });

  it('writes headers in the chosen language and stamps the template id', async () => {
    const file = path.join(dir, 'en.xlsx');
    expect((await cli(['template', '--out', file, '--lang', 'en-US'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const log = wb.getWorksheet(LOG_SHEET)!;
    expect((log.getRow(1).values as unknown[]).slice(1, COLUMNS.length + 1)).toEqual(COLUMNS.map((c) => header(c.key, 'en-US')));
    // 成交标记 / 月份 are calculated columns of the table (Excel fills new rows), with the English headers.
    const table = (log as unknown as { getTable(n: string): { table: { columns: Array<{ name: string; calculatedColumnFormula?: string }> } } }).getTable('询盘统计');
    const calculated = table.table.columns.filter((col) => col.calculatedColumnFormula).map((col) => [col.name, col.calculatedColumnFormula]);
    expect(calculated).toEqual([
      ['Deal flag', calcFormula('dealFlag', 'en-US').slice(1)],
      ['Month', calcFormula('month', 'en-US').slice(1)],
    ]);
    const dict = wb.getWorksheet('字典')!;
    const cells: unknown[] = [];
    dict.eachRow((r) => cells.push(...(r.values as unknown[])));
    expect(cells).toContain('shop-stats/inquiry-log');
  });

  it('never overwrites an existing file unless --force', async () => {
    const file = path.join(dir, 'client-log.xlsx');
    await writeTemplate(file, { lang: 'zh-CN', rows: generateRows(5, 1, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
    const before = fs.readFileSync(file);
    const refused = await cli(['template', '--out', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`${file} 已存在，未覆盖（确需覆盖请加 --force）`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const merged = await cli(['merge', file, '--out', file, '--lang', 'en-US']);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toBe(`${file} already exists and was not overwritten (add --force to replace it)`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const forced = await cli(['template', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(false);
  });

  it('reports an unwritable output path with one line and exit 2', async () => {
    const r = await cli(['template', '--out', path.join(dir, 'no', 'such', 'dir', 't.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('无法写入');
  });
});

describe('check', () => {
  it('exits 0 for a clean generated log with its own lists', async () => {
    const file = path.join(dir, 'clean.xlsx');
    await writeTemplate(file, { lang: 'zh-CN', rows: generateRows(300, 11, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
    const r = await cli(['check', file]);
    expect(r.stdout).not.toContain('错误');
    expect(r.code).toBe(0);
  });

  it('exits 1 and names row 7 for a 否 row without a reason (bin, zh and en)', async () => {
    const file = path.join(dir, 'bad.xlsx');
    await writeTemplate(file, { lang: 'zh-CN', rows: rowsWithPlantedError(), lists: SAMPLE_LISTS });
    const zh = runBin(bin, ['check', file]);
    expect(zh.status).toBe(1);
    const errorLines = zh.stdout.split('\n').filter((l) => l.includes('错误:'));
    expect(errorLines).toEqual([expect.stringContaining(`${file}:7 未成交原因 错误:`)]);
    const en = runBin(bin, ['check', file, '--lang', 'en-US']);
    expect(en.status).toBe(1);
    expect(en.stdout).toContain(`${file}:7 No-deal reason error:`);
  });

  it('--json lists the problem with row, column and code', async () => {
    const file = path.join(dir, 'bad-json.xlsx');
    await writeTemplate(file, { lang: 'en-US', rows: rowsWithPlantedError(), lists: SAMPLE_LISTS });
    const r = await cli(['check', file, '--json', '--lang', 'en-US']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { files: Array<{ rows: number; errors: number; problems: Array<Record<string, unknown>> }> };
    expect(json.files[0].rows).toBe(40);
    expect(json.files[0].errors).toBe(1);
    expect(json.files[0].problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ row: 7, column: 'noDealReason', code: 'noDealNeedsReason' }),
    ]);
  });

  it('exits 2 with one line for a text file renamed .xlsx and for a missing file (bin)', () => {
    const fake = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(fake, 'this is a text file\n');
    const r = runBin(bin, ['check', fake]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`无法读取 ${fake}：这是 CSV 或文本文件，不是 Excel 工作簿；请在 Excel 或 WPS 中打开并“另存为” .xlsx 后再试`]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = runBin(bin, ['check', path.join(dir, 'missing.xlsx'), '--lang', 'en-US']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(`Cannot read ${path.join(dir, 'missing.xlsx')}: no such file`);
  });

  it('exits 2 for a workbook without a log sheet', async () => {
    const noLog = path.join(dir, 'nolog.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['a', 'b']);
    await wb.xlsx.writeFile(noLog);
    const r = await cli(['check', noLog, '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Cannot read .*nolog\.xlsx: no inquiry log found/);
  });
});

describe('report', () => {
  it('--json prints {"reports": …} equal to core aggregate() of the same rows', async () => {
    const rows = generateRows(400, 21, { endDate: '2026-06-30' });
    const file = path.join(dir, 'report.xlsx');
    await writeTemplate(file, { lang: 'zh-CN', rows, lists: SAMPLE_LISTS });
    const r = await cli(['report', file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { reports: Record<string, unknown[]> };
    expect(Object.keys(json)).toEqual(['reports']);
    expect(Object.keys(json.reports)).toEqual([...REPORT_IDS]);
    expect(json.reports).toEqual(JSON.parse(JSON.stringify(aggregate(rows, { lists: SAMPLE_LISTS }))));
    const wechat = (json.reports.channel as Array<Record<string, unknown>>).find((x) => x.key === '微信')!;
    expect(Object.keys(wechat).sort()).toEqual(['amount', 'conversion', 'deals', 'inquiries', 'key']);
    const mine = rows.filter((x) => x.channel === '微信');
    const deals = mine.filter((x) => x.deal === '是');
    expect(wechat.inquiries).toBe(mine.length);
    expect(wechat.deals).toBe(deals.length);
    expect(wechat.conversion).toBeCloseTo(deals.length / mine.length, 12);
    expect(wechat.amount).toBeCloseTo(deals.reduce((s, x) => s + (x.amount ?? 0), 0), 6);
  });

  it('leaves rows with errors out (and says so) and writes a report workbook with --out', async () => {
    const file = path.join(dir, 'report-bad.xlsx');
    const rows = rowsWithPlantedError();
    await writeTemplate(file, { lang: 'zh-CN', rows, lists: SAMPLE_LISTS });
    const out = path.join(dir, 'reports-out.xlsx');
    const r = await cli(['report', file, '--out', out, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${file}: 1 rows with errors left out of the reports (see shop-stats check)`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(REPORT_IDS.length);
    const channel = wb.worksheets[0];
    expect(channel.getCell('A1').value).toBe('Channel conversion');
    expect((channel.getRow(3).values as unknown[]).slice(1)).toEqual(['Channel', 'Inquiries', 'Deals', 'Conversion', 'Amount']);
    const valid = rows.filter((_, i) => i !== 5);
    const expected = aggregate(valid, { lists: SAMPLE_LISTS }).channel;
    expect(channel.getCell('B4').value).toBe(expected[0].inquiries);
    const totalRow = channel.getRow(4 + expected.length);
    expect(totalRow.getCell(1).value).toBe('Total');
    expect(totalRow.getCell(2).value).toBe(valid.length);
  });
});

describe('merge', () => {
  it('merges two logs into one template with a source column; the result checks clean', async () => {
    const a = path.join(dir, 'client-a.xlsx');
    const b = path.join(dir, 'client-b.xlsx');
    await writeTemplate(a, { lang: 'zh-CN', rows: generateRows(25, 1, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
    await writeTemplate(b, { lang: 'en-US', rows: generateRows(15, 2, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
    const out = path.join(dir, 'merged.xlsx');
    const r = await cli(['merge', a, b, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('40');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const log = wb.getWorksheet(LOG_SHEET)!;
    const sourceCol = COLUMNS.length + 1;
    expect(log.getRow(1).getCell(sourceCol).value).toBe('来源');
    expect(log.getRow(2).getCell(sourceCol).value).toBe('client-a.xlsx');
    expect(log.getRow(41).getCell(sourceCol).value).toBe('client-b.xlsx');
    expect(log.getRow(42).getCell(1).value).toBeNull();
    const checked = await cli(['check', out]);
    expect(checked.code).toBe(0);
  });
});

describe('progress', () => {
  it('reports rows read as lines on stderr, only when progress is on', async () => {
    const file = path.join(dir, 'progress.xlsx');
    await writeTemplate(file, { lang: 'zh-CN', rows: generateRows(25, 3, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
    const seen: number[] = [];
    const log = await readLog(file, { onProgress: (n) => seen.push(n), progressEvery: 10 });
    expect(log.sheets.map((s) => s.rows.length)).toEqual([25]);
    expect(seen).toEqual([10, 20]);

    const quiet = bufferIo();
    expect(await main(['check', file], quiet, {})).toBe(0);
    expect(quiet.stderr).toEqual([]);
    const loud = { ...bufferIo(), progress: true };
    expect(await main(['check', file, '--lang', 'en-US'], loud, {})).toBe(0);
    expect(loud.stderr).toEqual([`Reading ${file} …`, expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 25 rows in [0-9.]+ s$`))]);
  });
});

describe('help', () => {
  it('prints help in Chinese by default and in English with --lang en-US (bin)', () => {
    const zh = runBin(bin, ['--help']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('用法：');
    expect(zh.stdout).toContain('命令：');
    expect(zh.stdout).toMatch(/template \[选项\]/);
    const en = runBin(bin, ['--help', '--lang', 'en-US']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('check [options] <files...>');
    expect(zh.stdout).toContain('check [选项] <文件...>');
    const enEnv = runBin(bin, ['check', '--help'], { LANG: 'en_US.UTF-8' });
    expect(enEnv.stdout).toContain('validate every log row');
  });

  it('has help for every command in both languages', async () => {
    for (const command of ['template', 'check', 'report', 'merge']) {
      const zh = await cli([command, '--help']);
      const en = await cli([command, '--help', '--lang', 'en-US']);
      expect(zh.code).toBe(0);
      expect(en.code).toBe(0);
      expect(zh.stdout).toContain(`shop-stats ${command}`);
      expect(zh.stdout).toContain('选项：');
      expect(en.stdout).toContain('Options:');
      expect(zh.stdout).not.toEqual(en.stdout);
    }
  });

  it('rejects an unknown language with one line and exit 2', async () => {
    const r = await cli(['check', 'x.xlsx', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('不支持的语言：fr（可用 zh-CN 或 en-US）');
  });
});
