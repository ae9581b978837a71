/**
 * `shop-stats share` on real files: formulas in several sheets and in a defined name, shared formulas, --values,
 * formulas it cannot convert (reported, kept, exit 1), and bad input (exit 2, one line). Results are read back with
 * SheetJS, an independent reader.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from './runCli';

const cli = runCli;

let dir: string;
let input: string;
let broken: string;

function formula(formula: string, result?: number): ExcelJS.CellFormulaValue {
  return (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-share-'));
  const book = new ExcelJS.Workbook();
  const plan = book.addWorksheet('计划');
  plan.getCell('A1').value = 2000;
  plan.getCell('B1').value = 0.015;
  plan.getCell('C1').value = formula('_xludf.SHOP.ORDERS(A1,B1)', 30);
  plan.getCell('D1').value = formula('SHOP.ROP(C1,10,500)+SUM(A1:B1)*0', 800);
  plan.getCell('E1').value = formula('SUM(A1:B1)', 2000.015);
  plan.getCell('A2').value = 4000;
  plan.getCell('B2').value = 0.013;
  plan.getCell('C2').value = { sharedFormula: 'C1', result: 52 } as ExcelJS.CellSharedFormulaValue;
  const other = book.addWorksheet('Other');
  other.getCell('A1').value = formula('_xldudf_SHOP_SAFETY_DAYS(500,30)', 500 / 30);
  other.getCell('A2').value = formula('SHOP.安全天数(500,0)');
  book.definedNames.add("'计划'!$A$1", 'Visitors');
  input = path.join(dir, 'in.xlsx');
  await book.xlsx.writeFile(input);
  // A defined name that calls SHOP: exceljs cannot write one, so it is added to workbook.xml directly.
  const zip = unzipSync(fs.readFileSync(input));
  const wb = strFromU8(zip['xl/workbook.xml']).replace(
    '</definedNames>',
    '<definedName name="DailyOrders">_xludf.SHOP.ORDERS(2000,0.015)</definedName></definedNames>',
  );
  const { zipSync, strToU8 } = await import('fflate');
  fs.writeFileSync(input, zipSync({ ...zip, 'xl/workbook.xml': strToU8(wb) }));

  const bad = new ExcelJS.Workbook();
  const s = bad.addWorksheet('s');
  s.getCell('A1').value = formula('SHOP.NOPE(1)');
  s.getCell('A2').value = formula('SHOP.CVR(1)');
  s.getCell('A3').value = formula('SHOP.CVR(30,2000)', 0.015);
  broken = path.join(dir, 'broken.xlsx');
  await bad.xlsx.writeFile(broken);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function formulasOf(file: string): string[] {
  const book = XLSX.read(fs.readFileSync(file), { cellFormula: true, sheetStubs: true });
  const all: string[] = [];
  for (const name of book.SheetNames) {
    for (const [addr, cell] of Object.entries(book.Sheets[name])) {
      if (!addr.startsWith('!') && (cell as XLSX.CellObject).f) all.push(`${name}!${addr}=${(cell as XLSX.CellObject).f}`);
    }
  }
  return all;
}

test('share rewrites SHOP calls in every sheet and in defined names; other formulas untouched', async () => {
  const out = path.join(dir, 'shared.xlsx');
  const r = await cli(['share', input, '--out', out, '--lang', 'en-US']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('SHOP.ORDERS ×2');
  expect(r.stdout).toContain('SHOP.SAFETY_DAYS ×2');
  const formulas = formulasOf(out);
  expect(formulas.filter((f) => /SHOP/i.test(f))).toEqual([]);
  expect(formulas).toContain('计划!E1=SUM(A1:B1)');
  const wb = strFromU8(unzipSync(fs.readFileSync(out))['xl/workbook.xml']);
  expect(wb).toMatch(/<definedName name="DailyOrders">\(2000\*/);
  expect(wb).toContain('fullCalcOnLoad="1"');
  const json = await cli(['share', input, '--out', out, '--force', '--json']);
  expect(JSON.parse(json.stdout)).toMatchObject({ formulas: 5, replaced: { ORDERS: 2, ROP: 1, SAFETY_DAYS: 2 }, unconverted: [] });
});

test('--values freezes SHOP formulas to their saved results and keeps the others', async () => {
  const out = path.join(dir, 'values.xlsx');
  const r = await cli(['share', input, '--out', out, '--values', '--lang', 'en-US']);
  expect(r.code).toBe(0);
  const book = XLSX.read(fs.readFileSync(out), { cellFormula: true, sheetStubs: true });
  const plan = book.Sheets['计划'];
  expect(plan.C1.f).toBeUndefined();
  expect(plan.C1.v).toBe(30);
  expect(plan.C2.f).toBeUndefined();
  expect(plan.C2.v).toBe(52);
  // A follower of a frozen shared formula must lose its <f> too (its master no longer holds the formula).
  const sheetXml = strFromU8(unzipSync(fs.readFileSync(out))['xl/worksheets/sheet1.xml']);
  expect(sheetXml).not.toMatch(/<c r="C2"[^>]*>\s*<f/);
  expect(plan.D1.v).toBe(800);
  expect(plan.E1.f).toBe('SUM(A1:B1)');
  // Other!A2 had no saved result: it is converted instead, and said so.
  expect(book.Sheets.Other.A2.f).toMatch(/^\(/);
  expect(r.stderr).toContain('no saved result to freeze');
});

test('formulas that cannot be converted are listed, kept, and exit 1', async () => {
  const out = path.join(dir, 'broken-shared.xlsx');
  const zh = await cli(['share', broken, '--out', out]);
  expect(zh.code).toBe(1);
  expect(zh.stderr).toContain('没有名为 SHOP.NOPE 的函数');
  expect(zh.stderr).toContain('CVR 的参数个数不对');
  expect(zh.stderr).toContain('2 个公式未能改写');
  const formulas = formulasOf(out);
  expect(formulas).toContain('s!A1=SHOP.NOPE(1)');
  expect(formulas).toContain('s!A2=SHOP.CVR(1)');
  expect(formulas.find((f) => f.startsWith('s!A3'))).not.toContain('SHOP');
});

test('bad input: missing file, not a workbook, existing output — exit 2 with one line', async () => {
  const missing = await cli(['share', path.join(dir, 'nope.xlsx'), '--out', path.join(dir, 'x.xlsx'), '--lang', 'en-US']);
  expect(missing).toMatchObject({ code: 2, stdout: '' });
  expect(missing.stderr.split('\n')).toHaveLength(1);
  const text = path.join(dir, 'notes.xlsx');
  fs.writeFileSync(text, 'not a zip');
  const notXlsx = await cli(['share', text, '--out', path.join(dir, 'y.xlsx'), '--lang', 'en-US']);
  expect(notXlsx).toMatchObject({ code: 2, stderr: `${text} is not an .xlsx workbook` });
  fs.writeFileSync(path.join(dir, 'taken.xlsx'), 'keep me');
  const taken = await cli(['share', input, '--out', path.join(dir, 'taken.xlsx')]);
  expect(taken.code).toBe(2);
  expect(taken.stderr).toContain('已存在');
  expect(fs.readFileSync(path.join(dir, 'taken.xlsx'), 'utf8')).toBe('keep me');
});

test('--help in both languages', async () => {
  const zh = await cli(['share', '--help', '--lang', 'zh-CN']);
  expect(zh.code).toBe(0);
  expect(zh.stdout).toContain("发给没有安装加载项的人");
  const en = await cli(['share', '--help', '--lang', 'en-US']);
  expect(en.stdout).toContain('--values');
  expect(en.stdout).toMatch(/native Excel\s+formulas/);
});
