/**
 * A merge above STREAM_ROWS_ABOVE rows has its rows streamed into the file (bounded memory). Its output must be the
 * workbook the exceljs writer makes from the same logs, cell by cell on every sheet (values, types, formulas, shown
 * text, number formats, styled empty cells; the 来源/Source column; rows kept exactly as typed, invalid ones too);
 * openpyxl opens it and sees the source column formatted as text; the log table spans the source column; check
 * finds the same problems; after LibreOffice recalculates both, every 报表 cell is the same.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { mergedTemplate } from '../../src/cli/commands/merge';
import { readLog } from '../../src/cli/readLog';
import { STREAM_ROWS_ABOVE, writeTemplate } from '../../src/cli/template/buildTemplate';
import { entryValues, type RowValues } from '../../src/cli/template/cells';
import { COLUMNS, LOG_SHEET, REPORT_SHEET } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { sofficeConvert } from '../oracle/soffice';
import { runOpenpyxl } from './xlsxFixtures';

jest.setTimeout(240_000);

const A_ROWS = 3200;
const B_ROWS = 2300;
const TOTAL = A_ROWS + B_ROWS;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (s) => stdout.push(s), err: (s) => stderr.push(s), progress: false };
  const code = await main(args, io, { SHOP_STATS_LANG: '', LANG: 'C.UTF-8' });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Client B's rows as typed: some texts a reader must keep, and one invalid row (text in 成交金额). */
function clientB(): RowValues[] {
  const rows = generateRows(B_ROWS, 12, { endDate: '2026-06-30', days: 50 }).map(entryValues);
  rows[1] = { ...rows[1], note: ' 前后有空格 ' };
  rows[2] = { ...rows[2], note: 'a < b & "c" > d' };
  rows[3] = { ...rows[3], customerId: '00123' };
  rows[4] = { ...rows[4], note: '=SUM(1,2)' };
  rows[5] = { ...rows[5], amount: '12元' };
  return rows;
}

let dir: string;
let a: string;
let b: string;
let merged: string;
let reference: string;
let mergeRun: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-merge-stream-'));
  a = path.join(dir, 'client-a.xlsx');
  b = path.join(dir, 'client-b.xlsx');
  merged = path.join(dir, 'merged.xlsx');
  reference = path.join(dir, 'reference.xlsx');
  await writeTemplate(a, { lang: 'zh-CN', rows: generateRows(A_ROWS, 11, { endDate: '2026-06-30', days: 50 }), lists: SAMPLE_LISTS });
  await writeTemplate(b, { lang: 'en-US', rawRows: clientB(), lists: { ...SAMPLE_LISTS, product: [...SAMPLE_LISTS.product, '只在B的商品'] } });
  mergeRun = await cli(['merge', a, b, '--out', merged]);
  // The same merge written by exceljs alone (never streamed).
  const spec = mergedTemplate([await readLog(a), await readLog(b)], 'zh-CN');
  await writeTemplate(reference, { ...spec, streamRowsAbove: Infinity });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function logSheetXml(file: string): string {
  const parts = unzipSync(fs.readFileSync(file));
  return strFromU8(Object.entries(parts).find(([n, d]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(d).includes('<tableParts') && strFromU8(d).includes('conditionalFormatting'))![1]);
}

test('merge writes every row, and streams them above the threshold', () => {
  expect(TOTAL).toBeGreaterThan(STREAM_ROWS_ABOVE);
  expect(mergeRun).toEqual({ code: 0, stdout: `已合并 2 个文件、${TOTAL} 行：${merged}`, stderr: '' });
  // The streamed writer writes text as inline strings; exceljs puts it in the shared-string table.
  expect(logSheetXml(merged)).toContain('t="inlineStr"');
  expect(logSheetXml(reference)).not.toContain('t="inlineStr"');
});

test('every sheet equals the exceljs-written merge, cell by cell', () => {
  const wa = XLSX.read(fs.readFileSync(reference), { sheetStubs: true, cellNF: true });
  const wb = XLSX.read(fs.readFileSync(merged), { sheetStubs: true, cellNF: true });
  expect(wb.SheetNames).toEqual(wa.SheetNames);
  const cell = (c: XLSX.CellObject | undefined) => (c ? { t: c.t, v: c.v, f: c.f, w: c.w } : undefined);
  let compared = 0;
  for (const name of wa.SheetNames) {
    const sa = wa.Sheets[name];
    const sb = wb.Sheets[name];
    expect([name, sb['!ref']]).toEqual([name, sa['!ref']]);
    const keys = new Set([...Object.keys(sa), ...Object.keys(sb)].filter((k) => !k.startsWith('!')));
    const differing = [...keys].filter((k) => JSON.stringify(cell(sa[k])) !== JSON.stringify(cell(sb[k])));
    expect([name, differing.slice(0, 5).map((k) => [k, cell(sa[k]), cell(sb[k])])]).toEqual([name, []]);
    compared += keys.size;
  }
  expect(compared).toBeGreaterThan(TOTAL * (COLUMNS.length + 1));

  const log = wb.Sheets[LOG_SHEET];
  const source = XLSX.utils.encode_col(COLUMNS.length);
  expect([log[`${source}1`].v, log[`${source}2`].v, log[`${source}${A_ROWS + 1}`].v, log[`${source}${A_ROWS + 2}`].v, log[`${source}${TOTAL + 1}`].v]).toEqual([
    '来源', 'client-a.xlsx', 'client-a.xlsx', 'client-b.xlsx', 'client-b.xlsx',
  ]);
  const b = A_ROWS + 2;
  expect([log[`P${b + 1}`].v, log[`P${b + 2}`].v, log[`C${b + 3}`].v, log[`P${b + 4}`].v, log[`J${b + 5}`].v]).toEqual([' 前后有空格 ', 'a < b & "c" > d', '00123', '=SUM(1,2)', '12元']);
  expect(log[`P${b + 4}`].f).toBeUndefined();
});

test('the log table and its rules span the merged rows; openpyxl opens it', () => {
  const parts = unzipSync(fs.readFileSync(merged));
  const table = Object.entries(parts).find(([n, d]) => n.startsWith('xl/tables/') && strFromU8(d).includes(`displayName="${LOG_SHEET}"`))!;
  const last = XLSX.utils.encode_col(COLUMNS.length);
  expect(strFromU8(table[1])).toContain(`ref="A1:${last}${TOTAL + 1}"`);
  expect(logSheetXml(merged)).toContain(`<dimension ref="A1:${last}${TOTAL + 1}"/>`);
  const sqrefs = [...logSheetXml(merged).matchAll(/<(?:dataValidation|conditionalFormatting)\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]);
  expect(sqrefs.length).toBeGreaterThan(10);
  expect(sqrefs.filter((s) => !s.endsWith(`2:${s.split(':')[1].replace(/\d+$/, '')}${TOTAL + 1}`))).toEqual([]);
  const seen = runOpenpyxl<{ rows: number; cols: number; source: string[]; formats: string[] }>(
    `import sys, json, openpyxl
ws = openpyxl.load_workbook(json.load(sys.stdin))[${JSON.stringify(LOG_SHEET)}]
col = ws[${JSON.stringify(last)}]
print(json.dumps({"rows": ws.max_row, "cols": ws.max_column, "source": [col[0].value, col[-1].value], "formats": [col[1].number_format, col[-1].number_format, ws["A2"].number_format]}))`,
    merged,
  );
  expect(seen).toEqual({ rows: TOTAL + 1, cols: COLUMNS.length + 1, source: ['来源', 'client-b.xlsx'], formats: ['@', '@', COLUMNS[0].numberFormat] });
});

test('check finds the same problems in both', async () => {
  const streamed = await cli(['check', merged, '--json']);
  const plain = await cli(['check', reference, '--json']);
  expect(streamed.code).toBe(1);
  const problems = (s: string) => (JSON.parse(s) as { files: Array<{ problems: unknown[] }> }).files.flatMap((f) => f.problems);
  expect(problems(streamed.stdout)).toEqual(problems(plain.stdout));
  expect(problems(streamed.stdout).length).toBeGreaterThan(0);
});

test('after LibreOffice recalculates both, every 报表 cell is the same', () => {
  const [ra, rb] = sofficeConvert([reference, merged], 'xlsx', path.join(dir, 'lo')).map((f) => XLSX.read(fs.readFileSync(f)).Sheets[REPORT_SHEET]);
  const cells = Object.keys(ra).filter((k) => !k.startsWith('!'));
  expect(cells.length).toBeGreaterThan(200);
  for (const k of cells) expect([k, rb[k]?.v]).toEqual([k, ra[k].v]);
});
