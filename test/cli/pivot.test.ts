/**
 * `report --out --pivot`: the pivot parts are in the package and well-formed (xmllint), the cache refreshes on open,
 * the 是否成交 = 否 filter selects the 否 item only when the rows hold one; openpyxl and SheetJS open the file; and
 * LibreOffice, which rebuilds the pivots from the log rows on load (no cached pivot cells are written), converts it
 * to PDF, and its rebuilt pivots show the counts core aggregate() computes.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { aggregate } from '../../src/core/reports/aggregate';
import { YES } from '../../src/core/schema';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { sofficeConvert } from '../oracle/soffice';
import { runCli } from './runCli';
import { openpyxlRows, runOpenpyxl } from './xlsxFixtures';

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-pivot-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const f = (name: string) => path.join(dir, name);
const parts = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));
const text = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name]);

function xmllint(files: Record<string, Uint8Array>, names: string[]): void {
  for (const name of names) {
    const out = path.join(dir, 'lint.xml');
    fs.writeFileSync(out, files[name]);
    // Throws (non-zero exit) on XML that is not well-formed.
    execFileSync('xmllint', ['--noout', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

/** Rows of a pivot sheet from its header row (first cell = the row field's name) down to the grand total. */
function pivotBody(rows: unknown[][], rowField: string): Map<string, unknown[]> {
  // Rows 1–2 are the sheet's title and note (the title may read like the field: 未成交原因).
  const start = rows.findIndex((r, i) => i > 1 && r[0] === rowField);
  const body = new Map<string, unknown[]>();
  for (const r of rows.slice(start + 1)) {
    if (r[0] === null || r[0] === undefined || /^(Total Result|总计|合计)$/.test(String(r[0]))) break;
    body.set(String(r[0]), r.slice(1));
  }
  return body;
}

test('report --pivot writes the log and eight refresh-on-open PivotTables that LibreOffice rebuilds to aggregate() counts', async () => {
  const rows = generateRows(300, 8, { endDate: '2026-06-30', days: 15 });
  await writeTemplate(f('log.xlsx'), { lang: 'zh-CN', rows, lists: SAMPLE_LISTS });
  const run = await runCli(['report', f('log.xlsx'), '--out', f('pivot.xlsx'), '--pivot']);
  expect([run.code, run.stderr]).toEqual([0, '']);

  const files = parts(f('pivot.xlsx'));
  const pivots = Object.keys(files).filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n));
  const caches = Object.keys(files).filter((n) => /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/.test(n));
  expect([pivots.length, caches.length]).toEqual([8, 1]);
  xmllint(files, [...pivots, ...caches, 'xl/workbook.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels']);
  const cache = text(files, caches[0]);
  expect(cache).toMatch(/<pivotCacheDefinition\b[^>]*\brefreshOnLoad="1"/);
  expect(cache).toContain('<worksheetSource ref="A1:R301" sheet="询盘统计"/>');
  expect(text(files, 'xl/workbook.xml')).toMatch(/<pivotCaches><pivotCache cacheId="1" r:id="rId\d+"\/><\/pivotCaches>/);
  // 未成交原因: the page filter selects the 否 item of 是否成交 (field 10).
  const noDeal = pivots.map((p) => text(files, p)).find((x) => x.includes('name="SS_noDealReasons"'))!;
  const dealItems = /<cacheField name="是否成交"[^>]*>(.*?)<\/cacheField>/.exec(cache)![1];
  const noAt = [...dealItems.matchAll(/<s v="([^"]*)"\/>/g)].map((m) => m[1]).indexOf('否');
  expect(noDeal).toContain(`<pageField fld="10" item="${noAt}" hier="-1"/>`);
  expect(noDeal).toMatch(/<dataField name="占比" fld="2" subtotal="count" showDataAs="percentOfCol"/);

  // openpyxl and SheetJS open it, with the same sheets; the log table holds every row.
  const sheetNames = runOpenpyxl<string[]>(
    "import sys, json, warnings, openpyxl\nwarnings.simplefilter('ignore')\nprint(json.dumps(openpyxl.load_workbook(json.load(sys.stdin)).sheetnames, ensure_ascii=False))",
    f('pivot.xlsx'),
  );
  expect(sheetNames).toEqual(XLSX.read(fs.readFileSync(f('pivot.xlsx'))).SheetNames);
  expect(sheetNames).toEqual(expect.arrayContaining(['询盘统计', '字典', '透视-渠道转化', '透视-未成交原因', '透视-跟进看板']));
  expect(openpyxlRows(f('pivot.xlsx'), '询盘统计')).toHaveLength(301);

  // LibreOffice: PDF without error, and its rebuilt pivots equal aggregate().
  const [pdf] = sofficeConvert([f('pivot.xlsx')], 'pdf', f('pdf'));
  expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
  const [lo] = sofficeConvert([f('pivot.xlsx')], 'xlsx', f('lo'));
  const expected = aggregate(rows, { lang: 'zh-CN', lists: SAMPLE_LISTS });

  const channel = pivotBody(openpyxlRows(lo, '透视-渠道转化'), '询盘渠道');
  expect(channel.size).toBe(expected.channel.filter((r) => r.inquiries! > 0).length);
  for (const r of expected.channel.filter((x) => x.inquiries! > 0)) {
    const [inquiries, deals, conversion, amount] = channel.get(r.key)!;
    expect([r.key, inquiries, deals]).toEqual([r.key, r.inquiries, r.deals]);
    expect(conversion as number).toBeCloseTo(r.conversion!, 9);
    expect(amount as number).toBeCloseTo(r.amount!, 2);
  }
  const reasons = pivotBody(openpyxlRows(lo, '透视-未成交原因'), '未成交原因');
  for (const r of expected.noDealReasons.filter((x) => x.count! > 0)) {
    const [count, share] = reasons.get(r.key)!;
    expect([r.key, count]).toEqual([r.key, r.count]);
    expect(share as number).toBeCloseTo(r.share!, 9);
  }
  expect(reasons.size).toBe(expected.noDealReasons.filter((x) => x.count! > 0).length);
});

test('without a 否 row the filter is left off (all items) and the sheet says so; --pivot without --out is refused', async () => {
  const rows = generateRows(80, 3, { endDate: '2026-06-30', days: 10 }).filter((r) => r.deal === YES);
  await writeTemplate(f('yes.xlsx'), { lang: 'en-US', rows, lists: SAMPLE_LISTS });
  const run = await runCli(['report', f('yes.xlsx'), '--out', f('yes-pivot.xlsx'), '--pivot', '--lang', 'en-US']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const files = parts(f('yes-pivot.xlsx'));
  const noDeal = Object.keys(files)
    .filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n))
    .map((p) => text(files, p))
    .find((x) => x.includes('name="SS_noDealReasons"'))!;
  expect(noDeal).toContain('<pageField fld="10" hier="-1"/>');
  const sheet = openpyxlRows(f('yes-pivot.xlsx'), 'Pivot No-deal reasons');
  expect(String(sheet[1][0])).toMatch(/^The log has no row with "Deal" = "否" yet/);

  const bad = await runCli(['report', f('yes.xlsx'), '--pivot', '--lang', 'en-US']);
  expect([bad.code, bad.stderr]).toEqual([2, '--pivot needs an --out file']);
});

test('report --help lists --pivot in both languages', async () => {
  const zh = await runCli(['report', '--help', '--lang', 'zh-CN']);
  const en = await runCli(['report', '--help', '--lang', 'en-US']);
  // Commander wraps long help lines: compare with runs of white space as one space.
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  expect(flat(zh.stdout)).toMatch(/--pivot 与 --out 一起用：另写入日志表和每张报表的数据透视表（打开文件时刷新）/);
  expect(flat(en.stdout)).toMatch(/--pivot with --out: also write the log table and one PivotTable per report \(refreshed when the file opens\)/);
});
