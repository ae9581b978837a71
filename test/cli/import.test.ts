/**
 * `shop-stats import EXPORT… --into WORKBOOK.xlsx` end to end on real files: generated exports in each shape into a
 * kit template; re-import changes nothing; a newer export replaces its days; bad input exits 2 with one line and
 * leaves the workbook byte-for-byte as it was.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readPlatformDataSheet } from '../../src/cli/template/platformSheets';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import '../../src/cli/template/tableColumnFormula';
import { mergePlatformRows, sortPlatformRows } from '../../src/core/platform/merge';
import { computeFunnel } from '../../src/core/platform/funnel';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { agentsGbkCsv, agentsUtf8Csv, days, platformTruth, productTruthAsExported, productXls, shopXlsx } from '../support/platformExports';
import { runCli } from './runCli';

jest.setTimeout(60_000);

const cli = runCli;

const DAYS = days('2026-11-02', 3);
const truth = platformTruth(DAYS, 21);
let dir: string;
const file = (name: string, bytes: Uint8Array) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
const hash = (p: string) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
async function open(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-import-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import --into', () => {
  let book: string;
  let xls: string;
  beforeAll(async () => {
    book = path.join(dir, 'client.xlsx');
    await writeTemplate(book, { lang: 'zh-CN' });
    xls = file('【生意参谋平台】商品_全部_2026-11-02_2026-11-04.xls', productXls(truth.products));
  });

  it('reads .xls, .xlsx and GBK .csv exports into 平台数据 and rebuilds 漏斗', async () => {
    const shop = file('shop.xlsx', shopXlsx(truth.shop));
    const agents = file('agents.csv', agentsGbkCsv(truth.agents.filter((r) => r.date === DAYS[0])));
    const r = await cli(['import', xls, shop, agents, '--into', book]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('流量/商品导出，9 行，2026-11-02 至 2026-11-04（已去掉汇总行 1 行）');
    expect(r.stdout).toContain('客服绩效：新增 3 行');
    const wb = await open(book);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['询盘统计', '报表', '字典', '平台数据', '漏斗', '计划']);
    const rows = readPlatformDataSheet(wb)!;
    const expected = mergePlatformRows('traffic', mergePlatformRows('traffic', [], productTruthAsExported(truth.products)).rows, truth.shop.map((x) => ({ ...x, refunds: null }))).rows;
    expect(rows.traffic).toEqual(expected);
    expect(rows.agents).toEqual(sortPlatformRows('agents', truth.agents.filter((x) => x.date === DAYS[0])));
    const funnel = wb.getWorksheet('漏斗')!;
    expect(funnel.getCell('A3').value).toBeInstanceOf(Date);
    expect((funnel.getCell('B3').value as ExcelJS.CellFormulaValue).formula).toBe('SUMIFS(平台流量[访客数],平台流量[日期],$A3,平台流量[商品ID],"=")');
    expect((funnel.getCell('B3').value as ExcelJS.CellFormulaValue).result).toBe(truth.shop[0].visitors);
    // The log's validation survived the round trip.
    expect(Object.keys((wb.getWorksheet('询盘统计') as unknown as { dataValidations: { model: object } }).dataValidations.model).length).toBeGreaterThan(5);
  });

  it('importing the same file again changes no row', async () => {
    const before = readPlatformDataSheet(await open(book));
    const r = await cli(['import', xls, '--into', book]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('平台流量：新增 0 行，更新 0 行，未变 9 行，移除 0 行');
    expect(readPlatformDataSheet(await open(book))).toEqual(before);
  });

  it('a newer export for the same days replaces them (UTF-8 csv with a 日期 column)', async () => {
    const newer = truth.agents.map((x) => (x.date === DAYS[0] && x.agent === '小王' ? { ...x, inquirers: 999 } : x));
    const r = await cli(['import', file('qn.csv', agentsUtf8Csv(newer)), '--into', book, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('客服绩效: 6 added, 1 updated, 2 unchanged, 0 removed');
    const rows = readPlatformDataSheet(await open(book))!;
    expect(rows.agents).toEqual(sortPlatformRows('agents', [...newer]));
  });

  it('a bad file: exit 2, one line, workbook untouched', async () => {
    const before = hash(book);
    const bad = file('orders.csv', new TextEncoder().encode('订单号,金额\n1,2\n'));
    const r = await cli(['import', xls, bad, '--into', book]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^.*orders\.csv：无法识别的导出文件。应为生意参谋流量\/商品导出/);
    expect(hash(book)).toBe(before);
  });

  it('missing export or workbook: exit 2 with one line', async () => {
    const missing = await cli(['import', path.join(dir, 'nope.xls'), '--into', book]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')).toHaveLength(1);
    const noBook = await cli(['import', xls, '--into', path.join(dir, 'none.xlsx')]);
    expect(noBook.code).toBe(2);
    expect(noBook.stderr).toContain('none.xlsx');
    const notXlsx = await cli(['import', xls, '--into', xls]);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr.split('\n')).toHaveLength(1);
  });
});

describe('report with the funnel', () => {
  it('report --json adds the 漏斗 funnel computed from 平台数据 and the log', async () => {
    const book = path.join(dir, 'with-log.xlsx');
    const log = generateRows(120, 3, { endDate: DAYS[2], days: 6 });
    await writeTemplate(book, { lang: 'zh-CN', rows: log, lists: SAMPLE_LISTS });
    const plain = await cli(['report', book, '--json']);
    expect(plain.stderr).toBe('');
    expect(JSON.parse(plain.stdout).funnel).toBeUndefined();
    const imported = await cli(['import', file('p.xls', productXls(truth.products)), file('s.xlsx', shopXlsx(truth.shop)), file('q.csv', agentsUtf8Csv(truth.agents)), '--into', book]);
    expect(imported.code).toBe(0);
    const r = await cli(['report', book, '--json']);
    expect(r.code).toBe(0);
    const rows = readPlatformDataSheet(await open(book))!;
    const expected = computeFunnel({ ...rows, log });
    expect(JSON.parse(r.stdout).funnel).toEqual(expected);
    expect(expected.reconcileAgent.some((x) => (x.values.logAll ?? 0) > 0)).toBe(true);
    expect(expected.daily).toHaveLength(3);
    const out = path.join(dir, 'report-out.xlsx');
    expect((await cli(['report', book, '--out', out])).code).toBe(0);
    const sheet = (await open(out)).getWorksheet('漏斗')!;
    expect(sheet.getCell('A1').value).toBe('漏斗（按日，店铺整体）');
    expect(sheet.getCell('B3').value).toBe(expected.daily[0].values.visitors);
    const text = await cli(['report', book]);
    expect(text.stdout).toContain('== 漏斗（按日，店铺整体）');
  });
});

