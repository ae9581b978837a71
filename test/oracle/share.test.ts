/**
 * `share` against the spreadsheet oracle: a workbook with generated SHOP.* calls (all 21 functions, every saved
 * form of the name, valid and invalid arguments) goes through `shop-stats share`; LibreOffice recalculates the
 * native formulas, and every result must equal core/metrics on the same inputs — the same number, or an error of
 * the same kind. The input formulas carry no cached values, so every number read back was computed by LibreOffice.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import * as metrics from '../../src/core/metrics';
import { FUNCTION_CATALOG, type FunctionId } from '../../src/core/metrics/catalog';
import { seededRandom } from '../../src/core/random';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { sofficeConvert, sofficePath } from './soffice';

jest.setTimeout(240_000);

type Cell = number | string | boolean | null;
const COUNTS: Cell[] = [0, 1, 5, 30, 2000, 12.5, 480, -3, null, 'abc', '1,280.50', true, 1e6, 7];
const FRACTIONS: Cell[] = [0, 0.015, 0.3, 0.5, 0.95, 0.975, 1, 1.2, -0.1, null, 'x', '95%', 0.4, 0.999];
const BASES: Cell[] = ['uv', 'buyers', 'UV', '买家', 'visitors', 'other', null, 3];

/** What each parameter draws from: n = count/amount, f = fraction/level, b = SILENT_CVR basis. */
const KINDS: Record<Exclude<FunctionId, 'DEAL_RATE' | 'SS_HISTORY'>, string> = {
  CVR: 'nn',
  INQUIRY_RATE: 'nn',
  INQUIRY_CVR: 'nn',
  SILENT_CVR: 'nnb',
  CTR: 'nn',
  UV_VALUE: 'nn',
  AOV: 'nn',
  REPURCHASE: 'nn',
  REMIND_RATE: 'nn',
  ROI: 'nn',
  BREAKEVEN_ROI: 'f',
  REFUND_RATE: 'nn',
  ORDERS: 'nfn',
  SERVICE_FACTOR: 'f',
  SS_DAYS: 'nn',
  SAFETY_STOCK: 'fnnnnn',
  SS_MAXAVG: 'nnnn',
  ROP: 'nnn',
  SAFETY_DAYS: 'nn',
};
const OPTIONAL_FROM: Partial<Record<FunctionId, number>> = { SILENT_CVR: 2, ORDERS: 2, SAFETY_STOCK: 3, SS_HISTORY: 3 };

const DATA_ROWS = 40;
const DEALS: Cell[] = ['是', '否', 'yes', 'No', null, 'Y', 'n', 1, 0];
const CHANNELS = ['微信', '电话', '旺旺/千牛', 'QQ'];

interface Call {
  id: FunctionId;
  formula: string;
  expected: number | string;
}

function expectedOf(compute: () => number): number | string {
  try {
    return compute();
  } catch (e) {
    if (metrics.isMetricError(e)) return e.code;
    throw e;
  }
}

/** The saved forms a SHOP call can take; each generated call uses one in turn. */
function callName(id: FunctionId, i: number): string {
  const zh = FUNCTION_CATALOG.find((f) => f.id === id)!.name['zh-CN'];
  return [`SHOP.${id}`, `_xludf.SHOP.${id}`, `_xldudf_SHOP_${id}`, `SHOP.${zh}`][i % 4];
}

const jsName = (id: FunctionId) => FUNCTION_CATALOG.find((f) => f.id === id)!.jsName;
const metric = (id: FunctionId) => (metrics as unknown as Record<string, (...a: unknown[]) => number>)[jsName(id)];

let calls: Call[] = [];
let results: XLSX.WorkSheet;
let shareCode: number;
let work: string;

beforeAll(async () => {
  sofficePath();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-share-oracle-'));
  const next = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet('data');
  // data: A deals, B channels, C daily sales, D sales with a negative day, E sales with a text cell, F one value,
  // G deals with a cell that is not 是/否, H no deals at all (blank).
  const columns: Record<string, Cell[]> = { A: [], B: [], C: [], D: [], E: [], F: [], G: [], H: [] };
  for (let r = 0; r < DATA_ROWS; r++) {
    const sales = next() < 0.15 ? null : Math.floor(next() * 60);
    const row: Record<string, Cell> = {
      A: pick(DEALS),
      B: pick(CHANNELS),
      C: sales,
      D: r === 7 ? -2 : sales,
      E: r === 9 ? 'n/a' : sales,
      F: r === 3 ? 12 : null,
      G: r === 5 ? 'maybe' : pick(DEALS),
      H: null,
    };
    for (const [col, v] of Object.entries(row)) {
      columns[col].push(v);
      if (v !== null) data.getCell(`${col}${r + 1}`).value = v;
    }
  }
  const range = (col: string) => `data!$${col}$1:$${col}$${DATA_ROWS}`;
  const grid = (col: string) => columns[col].map((v) => [v]);

  const sheet = book.addWorksheet('calls');
  let row = 0;
  const add = (id: FunctionId, args: string[], expected: number | string) => {
    row++;
    const formula = `${callName(id, row)}(${args.join(',')})`;
    sheet.getCell(`K${row}`).value = { formula } as ExcelJS.CellFormulaValue;
    calls.push({ id, formula, expected });
  };
  for (const spec of FUNCTION_CATALOG) {
    const id = spec.id as FunctionId;
    for (let k = 0; k < 12; k++) {
      if (id === 'DEAL_RATE') {
        const col = ['A', 'A', 'A', 'G', 'H'][k % 5];
        const criteria: [string, string][] = [[], [['B', '微信']], [['B', '<>电话'], ['C', '>=10']]][k % 3] as [string, string][];
        const args = [range(col), ...criteria.flatMap(([c, v]) => [range(c), `"${v}"`])];
        const jsArgs: unknown[] = [grid(col), ...criteria.flatMap(([c, v]) => [grid(c), v])];
        add(id, args, expectedOf(() => metrics.dealRate(jsArgs[0], ...jsArgs.slice(1))));
        continue;
      }
      // Argument cells of this call in columns A–F of its row.
      const values: Cell[] = [];
      const refs: string[] = [];
      const kinds = id === 'SS_HISTORY' ? 'rnfnn' : KINDS[id];
      const optionalFrom = OPTIONAL_FROM[id] ?? kinds.length;
      const count = optionalFrom + Math.floor(next() * (kinds.length - optionalFrom + 1));
      const r = row + 1;
      for (let p = 0; p < count; p++) {
        const kind = kinds[p];
        if (kind === 'r') {
          const col = ['C', 'C', 'C', 'D', 'E', 'F'][k % 6];
          refs.push(range(col));
          values.push(null);
          continue;
        }
        const v = pick(kind === 'f' ? FRACTIONS : kind === 'b' ? BASES : COUNTS);
        const cell = `${'ABCDEF'[p]}${r}`;
        if (v !== null) sheet.getCell(cell).value = v;
        refs.push(cell);
        values.push(v);
      }
      const jsArgs: unknown[] = values.map((v, p) => (kinds[p] === 'r' ? grid(refs[p].includes('$C$') ? 'C' : refs[p].includes('$D$') ? 'D' : refs[p].includes('$E$') ? 'E' : 'F') : v));
      add(id, refs, expectedOf(() => metric(id)(...jsArgs)));
    }
  }
  // Literal arguments and nesting, as people type them.
  add('ORDERS', ['2000', '1.5%'], 30);
  add('ROP', [`${callName('ORDERS', 0)}(2000,1.5%)`, '10', '500'], 800);
  add('SAFETY_DAYS', ['500', `${callName('ORDERS', 1)}(4000,1.3%)`], 500 / 52);
  add('SS_HISTORY', [range('F'), '10', '95%'], '#N/A');
  add('SS_HISTORY', [range('C'), '10', '95%', '', '7'], expectedOf(() => metrics.ssHistory(grid('C'), 10, 0.95, null, 7)));
  add('SAFETY_STOCK', ['95%', '20', '5', '', '2'], '#VALUE!');

  const input = path.join(work, 'calls.xlsx');
  await book.xlsx.writeFile(input);
  const shared = path.join(work, 'shared.xlsx');
  const io: Io = { out: () => undefined, err: () => undefined, progress: false };
  shareCode = await main(['share', input, '--out', shared, '--lang', 'en-US'], io, {});
  const [recalculated] = sofficeConvert([shared], 'xlsx', path.join(work, 'lo'));
  results = XLSX.read(fs.readFileSync(recalculated)).Sheets.calls;
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('at least 200 generated calls cover all 21 functions, with errors of every kind', () => {
  expect(calls.length).toBeGreaterThanOrEqual(200);
  expect(new Set(calls.map((c) => c.id)).size).toBe(21);
  const errors = new Set(calls.map((c) => c.expected).filter((e) => typeof e === 'string'));
  expect([...errors].sort()).toEqual(['#DIV/0!', '#N/A', '#NUM!', '#VALUE!']);
  expect(calls.filter((c) => typeof c.expected === 'number').length).toBeGreaterThan(60);
  expect(shareCode).toBe(0);
});

test('LibreOffice recomputes every shared formula to the SHOP value', () => {
  const mismatches: string[] = [];
  calls.forEach((call, i) => {
    const cell = results[`K${i + 1}`] as XLSX.CellObject | undefined;
    const got = cell === undefined ? undefined : cell.t === 'e' ? cell.w : cell.v;
    const ok =
      typeof call.expected === 'number'
        ? typeof got === 'number' && Math.abs(got - call.expected) <= 1e-9 * Math.max(1, Math.abs(call.expected))
        : got === call.expected;
    if (!ok) mismatches.push(`K${i + 1} ${call.formula}: expected ${call.expected}, LibreOffice ${String(got)}`);
  });
  expect(mismatches).toEqual([]);
});
