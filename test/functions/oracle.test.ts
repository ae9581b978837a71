/**
 * Spreadsheet oracle for the metrics whose meaning is "what the spreadsheet function does": LibreOffice recalculates
 * COUNTIFS over generated columns for every criterion DEAL_RATE documents, NORM.S.INV for SERVICE_FACTOR, and AVERAGE / STDEV.S
 * for SS_HISTORY; the TypeScript results must agree. Formulas are written without cached values, so every number
 * read back was computed by LibreOffice.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { countDeals, salesStats, serviceFactor } from '../../src/core/metrics';
import { isoToSerial } from '../../src/core/dates';
import { sofficeConvert, sofficePath } from '../oracle/soffice';

jest.setTimeout(180_000);

const ROWS = 300;
const CHANNELS = ['旺旺/千牛', '电话', '微信', 'WeChat', 'wechat', 'QQ', '1688询价单', '邮件', '其他', 'a*b', 'axb'];
const LEVELS = [1e-10, 0.001, 0.02, 0.05, 0.3, 0.5, 0.8, 0.9, 0.95, 0.975, 0.99, 0.999, 0.999999];

/**
 * Criteria on column B (text), C (numbers, some blank, some numbers stored as text) and D (dates as serials).
 * Left out: a criterion given as a number (12). LibreOffice then skips text cells "12" although it counts them for
 * the text criterion "=12"; DEAL_RATE treats 12, "12" and "=12" alike, as Excel's documentation treats 32 and "32".
 */
const CRITERIA: [column: 'B' | 'C' | 'D', criterion: string | number][] = [
  ['B', '微信'],
  ['B', 'wechat'],
  ['B', '=WECHAT'],
  ['B', '<>微信'],
  ['B', '旺旺*'],
  ['B', '?信'],
  ['B', '*'],
  ['B', 'a~*b'],
  ['B', 'a*b'],
  ['B', '>q'],
  ['B', '<=电话'],
  ['B', '不存在的渠道'],
  ['C', '>=10'],
  ['C', '<10'],
  ['C', '=12'],
  ['C', '<>12'],
  ['C', ''],
  ['C', '='],
  ['C', '<>'],
  ['D', '>=2026-11-01'],
  ['D', '<2026-11-10'],
];

function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * exceljs reads a cached result of 0 as "no result", so every formula is written as 1+(…) and read back minus 1;
 * for NORM.S.INV the offset costs about 1e-16, far below the tolerance.
 */
function offset(formula: string): ExcelJS.CellFormulaValue {
  return { formula: `1+(${formula})` } as ExcelJS.CellFormulaValue;
}

function quote(criterion: string | number): string {
  return typeof criterion === 'number' ? String(criterion) : `"${criterion.replace(/"/g, '""')}"`;
}

let work: string;
let sheet: ExcelJS.Worksheet;
const columns: Record<'A' | 'B' | 'C' | 'D' | 'E', unknown[][]> = { A: [], B: [], C: [], D: [], E: [] };

beforeAll(async () => {
  sofficePath(); // fails with the install command when LibreOffice is missing
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-functions-oracle-'));
  const next = generator(11);
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet('data');
  const base = isoToSerial('2026-10-20');
  for (let r = 0; r < ROWS; r++) {
    const roll = next();
    const deal = roll < 0.08 ? null : roll < 0.45 ? '是' : '否';
    const channel = CHANNELS[Math.floor(next() * CHANNELS.length)];
    const q = next();
    // Mostly numbers, some blanks and some numbers stored as text (as pasted data often is).
    const qty = q < 0.1 ? null : q < 0.2 ? String(Math.floor(next() * 25)) : Math.floor(next() * 25);
    const day = base + Math.floor(next() * 40);
    const sales = next() < 0.15 ? null : Math.floor(next() * 60);
    columns.A.push([deal]);
    columns.B.push([channel]);
    columns.C.push([qty]);
    columns.D.push([day]);
    columns.E.push([sales]);
    const row = data.getRow(r + 1);
    row.getCell(1).value = deal;
    row.getCell(2).value = channel;
    row.getCell(3).value = qty;
    row.getCell(4).value = day;
    row.getCell(5).value = sales;
  }
  const out = book.addWorksheet('out');
  const range = (col: string) => `data!${col}1:${col}${ROWS}`;
  CRITERIA.forEach(([col, criterion], i) => {
    out.getCell(i + 1, 1).value = offset(`COUNTIFS(${range('A')},"是",${range(col)},${quote(criterion)})`);
    out.getCell(i + 1, 2).value = offset(`COUNTIFS(${range('A')},"否",${range(col)},${quote(criterion)})`);
  });
  LEVELS.forEach((p, i) => {
    out.getCell(i + 1, 4).value = offset(`_xlfn.NORM.S.INV(${p})`);
  });
  out.getCell(1, 6).value = offset(`AVERAGE(${range('E')})`);
  out.getCell(2, 6).value = offset(`_xlfn.STDEV.S(${range('E')})`);
  out.getCell(3, 6).value = offset(`COUNT(${range('E')})`);
  const input = path.join(work, 'functions-oracle.xlsx');
  await book.xlsx.writeFile(input);
  const [recalculated] = sofficeConvert([input], 'xlsx', path.join(work, 'out'));
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(recalculated);
  sheet = back.getWorksheet('out')!;
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

function result(row: number, col: number): number {
  const value = sheet.getCell(row, col).value as ExcelJS.CellFormulaValue | number;
  const n = typeof value === 'number' ? value : (value.result as number);
  if (typeof n !== 'number') throw new Error(`no number at ${row},${col}: ${JSON.stringify(value)}`);
  return n - 1;
}

test.each(CRITERIA.map((c, i) => [i, ...c] as const))('criterion %i: column %s, %p matches COUNTIFS', (i, col, criterion) => {
  const yes = result(i + 1, 1);
  const no = result(i + 1, 2);
  expect(countDeals(columns.A, columns[col], criterion)).toEqual({ deals: yes, total: yes + no });
});

test('SERVICE_FACTOR equals NORM.S.INV', () => {
  LEVELS.forEach((p, i) => {
    expect(Math.abs(serviceFactor(p) - result(i + 1, 4))).toBeLessThan(1e-12 * Math.max(1, Math.abs(serviceFactor(p))));
  });
});

test('SS_HISTORY statistics equal AVERAGE and STDEV.S over the same column with blanks', () => {
  const stats = salesStats(columns.E);
  expect(stats.count).toBe(result(3, 6));
  expect(stats.mean).toBeCloseTo(result(1, 6), 12);
  expect(stats.sd).toBeCloseTo(result(2, 6), 12);
});
