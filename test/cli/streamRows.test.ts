/**
 * Large templates are written with the log rows streamed into the package (bounded memory). The streamed file must
 * be the exceljs-written one in everything a reader sees: the same rows through the kit's reader, the same cached
 * calculated columns (SheetJS), the table and rule ranges over the rows, openpyxl opens it, charts present, and
 * after LibreOffice recalculates both, every 报表 cell is the same.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { readLog } from '../../src/cli/readLog';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import { REPORT_SHEET, type LogEntry } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { sofficeConvert } from '../oracle/soffice';
import { runOpenpyxl } from './xlsxFixtures';

jest.setTimeout(120_000);

const N = 400;

function rows(): LogEntry[] {
  const out = generateRows(N, 77, { endDate: '2026-06-30', days: 40 });
  out[1] = { ...out[1], note: ' 前后有空格 ' };
  out[2] = { ...out[2], note: 'a < b & "c" > d' };
  out[3] = { ...out[3], customerId: '00123' };
  out[4] = { ...out[4], note: '=SUM(1,2)' };
  return out;
}

let dir: string;
let plain: string;
let streamed: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stream-'));
  plain = path.join(dir, 'plain.xlsx');
  streamed = path.join(dir, 'streamed.xlsx');
  const brand = { agency: '代运营', client: '客户', color: '2F5597' };
  await writeTemplate(plain, { lang: 'zh-CN', rows: rows(), lists: SAMPLE_LISTS, brand, streamRowsAbove: Infinity });
  await writeTemplate(streamed, { lang: 'zh-CN', rows: rows(), lists: SAMPLE_LISTS, brand, streamRowsAbove: 0 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the kit reader sees the same rows, lists and stamp', async () => {
  const a = await readLog(plain);
  const b = await readLog(streamed);
  expect(b.sheets[0].rows).toHaveLength(N);
  expect(b.sheets.map((s) => s.rows)).toEqual(a.sheets.map((s) => s.rows));
  expect(b.lists).toEqual(a.lists);
  expect(b.identity).toEqual(a.identity);
});

test('cached calculated columns, table and rule ranges, charts; openpyxl opens it', () => {
  const sa = XLSX.read(fs.readFileSync(plain)).Sheets['询盘统计'];
  const sb = XLSX.read(fs.readFileSync(streamed)).Sheets['询盘统计'];
  for (let r = 2; r <= N + 1; r++) {
    for (const col of ['A', 'C', 'I', 'J', 'P', 'Q', 'R']) expect([`${col}${r}`, sb[`${col}${r}`]?.v]).toEqual([`${col}${r}`, sa[`${col}${r}`]?.v]);
  }
  expect(sb.C5.t).toBe('s');
  expect(sb.C5.v).toBe('00123');
  const parts = unzipSync(fs.readFileSync(streamed));
  const table = Object.entries(parts).find(([n, d]) => n.startsWith('xl/tables/') && strFromU8(d).includes('displayName="询盘统计"'))!;
  expect(strFromU8(table[1])).toContain(`ref="A1:R${N + 1}"`);
  const rules = (file: string) => {
    const all = unzipSync(fs.readFileSync(file));
    const sheet = Object.entries(all).find(([n, d]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(d).includes('<tableParts') && strFromU8(d).includes('conditionalFormatting'))!;
    return [...strFromU8(sheet[1]).matchAll(/<(?:dataValidation|conditionalFormatting)\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]);
  };
  expect(rules(streamed)).toEqual(rules(plain));
  expect(rules(streamed).every((s) => s.endsWith(`${N + 1}`) && /^[A-Z]+2:/.test(s))).toBe(true);
  expect(Object.keys(parts).filter((p) => p.startsWith('xl/charts/chart'))).toHaveLength(6);
  const names = runOpenpyxl<string[]>("import sys, json, openpyxl\nprint(json.dumps(openpyxl.load_workbook(json.load(sys.stdin)).sheetnames))", streamed);
  expect(names).toEqual(XLSX.read(fs.readFileSync(plain)).SheetNames);
});

test('after LibreOffice recalculates both, every 报表 cell is the same', () => {
  const [a, b] = sofficeConvert([plain, streamed], 'xlsx', path.join(dir, 'lo'));
  const ra = XLSX.read(fs.readFileSync(a)).Sheets[REPORT_SHEET];
  const rb = XLSX.read(fs.readFileSync(b)).Sheets[REPORT_SHEET];
  const cells = Object.keys(ra).filter((k) => !k.startsWith('!'));
  expect(cells.length).toBeGreaterThan(200);
  for (const k of cells) expect([k, rb[k]?.v]).toEqual([k, ra[k].v]);
});
