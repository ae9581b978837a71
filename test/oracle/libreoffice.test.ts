/**
 * The spreadsheet oracle: a real spreadsheet engine (LibreOffice, headless, always-recalculate profile) opens the
 * template the CLI writes, filled with generated log rows, and recalculates every formula. Its numbers must equal
 * the TypeScript aggregation of the same rows: every native-formula report cell on 报表, the calculated columns
 * 成交标记 / 月份 of every row, and the validation lists must still point at live workbook names.
 * The workbooks are written WITHOUT cached formula results, so every value read back was computed by LibreOffice.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import type { TemplateBrand } from '../../src/cli/template/branding';
import { main } from '../../src/cli/main';
import { buildTemplate, writeWorkbook } from '../../src/cli/template/buildTemplate';
import { planBlocks } from '../../src/cli/template/reportSheet';
import { aggregate, reportTotal, type ReportResults, type ReportRow } from '../../src/core/reports/aggregate';
import { reportDef, type ValueId } from '../../src/core/reports/definitions';
import type { ReportBlock } from '../../src/core/reports/formulaLayout';
import { monthOf, serialToIso } from '../../src/core/dates';
import { COLUMNS, LISTS, LIST_KEYS, LOG_SHEET, LOG_TABLE, REPORT_SHEET, YES, type Lang, type ListValues, type LogEntry } from '../../src/core/schema';
import { columnLetter } from '../../src/core/template';
import { buildCli, runBin } from '../cli/buildCli';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { sofficeConvert, sofficePath } from './soffice';

jest.setTimeout(180_000);

interface Case {
  name: string;
  lang: Lang;
  rows: LogEntry[];
  lists: ListValues;
  /** Both cases are an agency's branded client templates (band and logo beside the reports, stamp, print header). */
  brand: TemplateBrand;
}

/** A 48×24 PNG logo (solid accent colour), made here so the test carries no binary fixture. */
function logoPng(): Buffer {
  const width = 48;
  const height = 24;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set([0xc0, 0x20, 0x20], y * (width * 3 + 1) + 1 + x * 3);
  const crcTable = Array.from({ length: 256 }, (_v, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const LOGO = logoPng();

const CASES: Case[] = [
  // Several months, every list value, 否 rows, blanks, and a few products outside the list (counted in totals only).
  {
    name: 'zh', lang: 'zh-CN', rows: generateRows(3000, 20261124, { endDate: '2026-06-30', days: 150, freeTextProductRate: 0.02 }), lists: SAMPLE_LISTS,
    brand: { agency: '杭州示例电商代运营', client: '张三服饰旗舰店', shop: '张三服饰旗舰店', platform: '天猫', color: 'C00000', logo: LOGO },
  },
  {
    name: 'en', lang: 'en-US', rows: generateRows(600, 7, { endDate: '2026-05-31', days: 70 }), lists: SAMPLE_LISTS,
    brand: { agency: 'Hangzhou Example Agency', client: 'Li Si Wholesale', shop: 'Li Si Factory Store', platform: '1688', color: '2F5597', logo: LOGO },
  },
];

/** Probe cells (test only): each workbook name must resolve to its 字典 list after the round trip. */
const PROBE_SHEET = 'probe';

let work: string;
const recalculated = new Map<string, ExcelJS.Workbook>();
let blankFromBin: ExcelJS.Workbook;

beforeAll(async () => {
  sofficePath(); // fails the whole file with the install command when LibreOffice is missing
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-oracle-'));
  const inputs: string[] = [];
  for (const c of CASES) {
    const wb = buildTemplate({ lang: c.lang, rows: c.rows, lists: c.lists, cacheResults: false, brand: c.brand });
    const probe = wb.addWorksheet(PROBE_SHEET);
    LIST_KEYS.forEach((k, i) => {
      probe.getCell(i + 1, 1).value = { formula: `ROWS(${LISTS[k].rangeName})` } as ExcelJS.CellFormulaValue;
      probe.getCell(i + 1, 2).value = { formula: `INDEX(${LISTS[k].rangeName},ROWS(${LISTS[k].rangeName}))` } as ExcelJS.CellFormulaValue;
    });
    const file = path.join(work, `${c.name}.xlsx`);
    await wb.xlsx.writeFile(file);
    inputs.push(file);
  }
  // The compiled CLI writes the blank template the way a user gets it.
  const bin = buildCli();
  const blank = path.join(work, 'blank.xlsx');
  const made = runBin(bin, ['template', '--out', blank]);
  fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
  expect(made.status).toBe(0);
  inputs.push(blank);

  const outputs = sofficeConvert(inputs, 'xlsx', path.join(work, 'recalculated'));
  for (const [i, out] of outputs.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    if (i < CASES.length) recalculated.set(CASES[i].name, wb);
    else blankFromBin = wb;
  }
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

// ------------------------------------------------------------------ reading results

type Result = number | string | null;

/** A recalculated cell's value: formula result (0 kept), dates as ISO, "" as null; errors fail loudly. */
function resultOf(cell: ExcelJS.Cell): Result {
  const raw: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (raw === undefined || raw === null || raw === '') return null;
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'object' && raw !== null && 'error' in raw) throw new Error(`${cell.address}: ${(raw as { error: string }).error} (${cell.formula})`);
  if (typeof raw === 'number' || typeof raw === 'string') return raw;
  return String(raw);
}

/** Expected value of a report cell: counts and sums default to 0 for a group with no rows; ratios to blank. */
function expectedValue(row: ReportRow | undefined, value: ValueId): number | null {
  const v = row?.[value];
  if (v === undefined || v === null) return value === 'conversion' || value === 'share' ? null : 0;
  return v;
}

function assertClose(actual: Result, expected: number | null, value: ValueId, where: string): void {
  if (expected === null) {
    expect({ where, actual }).toEqual({ where, actual: null });
    return;
  }
  if (typeof actual !== 'number') throw new Error(`${where}: expected ${expected}, LibreOffice gave ${JSON.stringify(actual)}`);
  const tolerance = value === 'amount' ? 1e-6 : value === 'conversion' || value === 'share' ? 1e-9 : 0;
  if (Math.abs(actual - expected) > tolerance) throw new Error(`${where}: expected ${expected}, LibreOffice gave ${actual}`);
}

/** Sum rows of a 2-D report over column keys (the 合计 column) or over row keys (the 合计 row). */
function sumRows(rows: readonly ReportRow[], def: ReturnType<typeof reportDef>): ReportRow {
  const sum: Record<string, number> = {};
  for (const r of rows) for (const v of def.values) sum[v.id] = (sum[v.id] ?? 0) + ((r[v.id] as number | null) ?? 0);
  return { key: '', ...sum } as ReportRow;
}

/** Compare one block's cells; returns the number of cells compared. */
function compareBlock(sheet: ExcelJS.Worksheet, block: ReportBlock, results: ReportResults, caseName: string): number {
  const def = reportDef(block.id);
  const rows = results[block.id];
  let compared = 0;
  const at = (row: number, col: number) => `${caseName} ${block.id} ${columnLetter(col - 1)}${row}`;

  for (const dataRow of block.dataRows) {
    let key = dataRow.key;
    if (key === null) {
      // Daily: the key cell computes the date; the window ends at the latest logged date.
      const date = resultOf(sheet.getCell(dataRow.row, block.keyCol));
      expect(typeof date).toBe('string');
      key = date as string;
    }
    for (const vc of block.valueColumns) {
      let expected: ReportRow | undefined;
      if (!def.columns) expected = rows.find((r) => r.key === key);
      else if (vc.total) expected = sumRows(rows.filter((r) => r.key === key), def);
      else expected = rows.find((r) => r.key === key && r.column === vc.column);
      assertClose(resultOf(sheet.getCell(dataRow.row, vc.col)), expectedValue(expected, vc.value), vc.value, at(dataRow.row, vc.col));
      compared++;
    }
  }

  // Totals row.
  for (const vc of block.valueColumns) {
    let expected: ReportRow;
    if (block.id === 'daily') {
      // The daily totals add up the window shown.
      const keys = new Set(block.dataRows.map((d) => resultOf(sheet.getCell(d.row, block.keyCol))));
      expected = reportTotal('daily', rows.filter((r) => keys.has(r.key)));
    } else if (!def.columns) expected = reportTotal(block.id, rows);
    else if (vc.total) expected = sumRows(rows, def);
    else expected = sumRows(rows.filter((r) => r.column === vc.column), def);
    assertClose(resultOf(sheet.getCell(block.totalRow, vc.col)), expectedValue(expected, vc.value), vc.value, at(block.totalRow, vc.col));
    compared++;
  }
  return compared;
}

// ------------------------------------------------------------------ tests

describe.each(CASES)('LibreOffice recalculation of the $name template', (c) => {
  it('computes every native-formula report cell equal to the TypeScript aggregation', () => {
    const wb = recalculated.get(c.name)!;
    const sheet = wb.getWorksheet(REPORT_SHEET)!;
    const results = aggregate(c.rows, { lists: c.lists });
    let compared = 0;
    for (const block of planBlocks(c.lang, c.lists)) compared += compareBlock(sheet, block, results, c.name);
    expect(compared).toBeGreaterThan(400);
    // The data really exercised the reports: deals and no-deal rows, several months, amounts.
    const total = reportTotal('channel', results.channel);
    expect(total.inquiries).toBe(c.rows.length);
    expect(total.deals).toBeGreaterThan(0);
    expect(total.deals).toBeLessThan(c.rows.length);
    expect(new Set(c.rows.map((r) => r.date.slice(0, 7))).size).toBeGreaterThanOrEqual(2);
  });

  it('computes 成交标记 and 月份 for every row', () => {
    const sheet = recalculated.get(c.name)!.getWorksheet(LOG_SHEET)!;
    const flagCol = COLUMNS.findIndex((x) => x.key === 'dealFlag') + 1;
    const monthCol = COLUMNS.findIndex((x) => x.key === 'month') + 1;
    c.rows.forEach((entry, i) => {
      const row = sheet.getRow(i + 2);
      expect({ row: i + 2, flag: resultOf(row.getCell(flagCol)) }).toEqual({ row: i + 2, flag: entry.deal === YES ? 1 : 0 });
      const month = resultOf(row.getCell(monthCol));
      const iso = typeof month === 'number' ? serialToIso(month) : month;
      expect({ row: i + 2, month: iso }).toEqual({ row: i + 2, month: monthOf(entry.date) });
    });
    // The table range grew with the data (and survived the round trip); the row after the last one is empty.
    const table = (sheet as unknown as { getTable(name: string): { table: { tableRef: string } } }).getTable(LOG_TABLE);
    expect(table.table.tableRef).toBe(`A1:${columnLetter(COLUMNS.length - 1)}${c.rows.length + 1}`);
    expect(row(sheet, c.rows.length + 2)).toBeNull();
  });

  it('keeps the validation lists on the log columns and the workbook names behind them', () => {
    const wb = recalculated.get(c.name)!;
    const sheet = wb.getWorksheet(LOG_SHEET)!;
    const dv = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    for (const [i, col] of COLUMNS.entries()) {
      if (col.type !== 'list') continue;
      const rule = dv[`${columnLetter(i)}2`];
      expect({ column: col.key, type: rule?.type, source: rule?.formulae[0] }).toEqual({ column: col.key, type: 'list', source: LISTS[col.list!].rangeName });
      // Template version 2: the rule covers the table's last row and nothing below it (Excel carries it as the
      // table grows; rules below a table can stop it growing).
      expect(dv[`${columnLetter(i)}${c.rows.length + 1}`]?.formulae[0]).toBe(LISTS[col.list!].rangeName);
      expect(dv[`${columnLetter(i)}${c.rows.length + 2}`]).toBeUndefined();
    }
    const probe = wb.getWorksheet(PROBE_SHEET)!;
    LIST_KEYS.forEach((k, i) => {
      expect({ list: k, rows: resultOf(probe.getCell(i + 1, 1)) }).toEqual({ list: k, rows: c.lists[k].length });
      expect({ list: k, last: resultOf(probe.getCell(i + 1, 2)) }).toEqual({ list: k, last: c.lists[k][c.lists[k].length - 1] });
    });
  });
});

describe('a log saved by LibreOffice (a client without Excel)', () => {
  it('is still read by check and report: no errors, reports equal to aggregate()', async () => {
    const c = CASES[0];
    const file = path.join(work, 'recalculated', `${c.name}.xlsx`);
    const io = { out: [] as string[], err: [] as string[] };
    const sink = { out: (s: string) => io.out.push(s), err: (s: string) => io.err.push(s), progress: false };
    expect(await main(['check', file, '--json'], sink, {})).toBe(0);
    const checked = JSON.parse(io.out.join('\n')) as { files: Array<{ rows: number; errors: number }> };
    expect(checked.files[0]).toMatchObject({ rows: c.rows.length, errors: 0 });
    io.out.length = 0;
    expect(await main(['report', file, '--json'], sink, {})).toBe(0);
    expect(JSON.parse(io.out.join('\n')).reports).toEqual(JSON.parse(JSON.stringify(aggregate(c.rows, { lists: c.lists }))));
    expect(io.err).toEqual([]);
  });
});

describe('the blank template written by the compiled CLI', () => {
  it('opens in LibreOffice with every report at zero and the calculated columns in place', () => {
    const sheet = blankFromBin.getWorksheet(REPORT_SHEET)!;
    const empty = aggregate([], {});
    let compared = 0;
    for (const block of planBlocks('zh-CN', Object.fromEntries(LIST_KEYS.map((k) => [k, LISTS[k].items.map((x) => x.value)])) as ListValues)) {
      if (block.id === 'daily') continue; // an empty log's window ends today: nothing to compare but zeros below
      compared += compareBlock(sheet, block, empty, 'blank');
    }
    expect(compared).toBeGreaterThan(200);
    const log = blankFromBin.getWorksheet(LOG_SHEET)!;
    const flagCol = COLUMNS.findIndex((x) => x.key === 'dealFlag') + 1;
    expect(resultOf(log.getCell(2, flagCol))).toBe(0);
  });
});

function row(sheet: ExcelJS.Worksheet, n: number): Result {
  const r = sheet.getRow(n);
  const values = (r.values as unknown[]).filter((v) => v !== null && v !== undefined);
  return values.length === 0 ? null : JSON.stringify(values);
}


describe('the branded client template rendered by LibreOffice', () => {
  it('writes PNGs of 报表 (zh, en) to test-results/, with the stamp in the recalculated workbook', async () => {
    for (const c of CASES) {
      const stamp = recalculated.get(c.name)!.getWorksheet('字典')!;
      const values = new Set<unknown>();
      stamp.eachRow((row) => row.eachCell((cell) => values.add(cell.value)));
      expect(values.has(c.brand.agency) && values.has(c.brand.client)).toBe(true);
    }
    const outDir = path.resolve(__dirname, '../../test-results');
    const renderDir = path.join(work, 'render');
    fs.mkdirSync(renderDir, { recursive: true });
    const files: string[] = [];
    for (const c of CASES) {
      const wb = buildTemplate({ lang: c.lang, rows: c.rows, lists: c.lists, cacheResults: false, brand: c.brand });
      for (const ws of wb.worksheets) if (ws.name !== REPORT_SHEET) ws.state = 'hidden';
      wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.findIndex((w) => w.name === REPORT_SHEET), visibility: 'visible' }];
      const file = path.join(renderDir, `branded-report-${c.lang}.xlsx`);
      await writeWorkbook(wb, file);
      files.push(file);
    }
    const pdfs = sofficeConvert(files, 'pdf', renderDir);
    fs.mkdirSync(outDir, { recursive: true });
    for (const [i, pdf] of pdfs.entries()) {
      const base = path.join(outDir, `branded-report-${CASES[i].lang}`);
      for (const f of fs.readdirSync(outDir)) if (f.startsWith(`${path.basename(base)}-`)) fs.rmSync(path.join(outDir, f));
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, base]);
      const pngs = fs.readdirSync(outDir).filter((f) => f.startsWith(`${path.basename(base)}-`) && f.endsWith('.png'));
      expect(pngs.length).toBeGreaterThanOrEqual(1);
      for (const png of pngs) expect(fs.statSync(path.join(outDir, png)).size).toBeGreaterThan(10_000);
    }
  });
});
