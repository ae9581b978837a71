/**
 * The oracle for the operator's sheets: LibreOffice recalculates the kit's 漏斗 (funnel and reconciliation, native
 * formulas over 平台数据 and the log) and 计划 (the plan) in workbooks filled with generated data and written WITHOUT
 * cached results; every value must equal the TypeScript computation. The plan's seed example must read as DESIGN.md
 * says (30/day, ROP 800, 16.7 days; 52/day → 9.6 days < 10 → raise; 800 → 15.4 days).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildTemplate } from '../../src/cli/template/buildTemplate';
import '../../src/cli/template/tableColumnFormula';
import { computeFunnel, FUNNEL_BLOCKS, funnelGrid, funnelKeys, type FunnelData } from '../../src/core/platform/funnel';
import { mergePlatformRows } from '../../src/core/platform/merge';
import { computePlanRow, PLAN_COLUMNS, PLAN_SHEET, salesHistory, seedPlanRows, type PlanCalcKey, type PlanInput } from '../../src/core/platform/plan';
import { seededRandom } from '../../src/core/random';
import { ssHistory } from '../../src/core/metrics';
import type { Lang } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { days, platformTruth, productTruthAsExported } from '../support/platformExports';
import { sofficeConvert, sofficePath } from './soffice';

jest.setTimeout(180_000);

interface Case {
  name: string;
  lang: Lang;
  data: FunnelData;
  plan: PlanInput[];
}

function planRows(lang: Lang, seed: number): PlanInput[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: PlanInput[] = [...seedPlanRows(lang), { ...seedPlanRows(lang)[1], product: 'raised', safetyStock: 800 }];
  // Products with a sales history in 平台流量 and a service level but no σ: the suggestion comes from that history.
  for (const [i, product] of ['示例商品A', '保温杯500ml', '帆布包'].entries())
    rows.push({ product, uv: 3000, cvr: 0.012, units: 1, leadTime: 7 + i, safetyStock: 300, serviceLevel: [0.95, 0.9, 0.4][i], demandSd: null });
  for (let i = 0; i < 25; i++)
    rows.push({
      product: `P${i}`,
      uv: pick([null, 0, 800, 2000, 4000, 12345]),
      cvr: pick([null, 0.005, 0.013, 0.015, 0.08]),
      units: pick([null, 1, 2, 1.5]),
      leadTime: pick([null, 0, 7, 10, 21]),
      safetyStock: pick([null, 0, 500, 800, 1500]),
      targetDays: pick([null, null, 14, 30]),
      serviceLevel: pick([null, null, 0.9, 0.95, 0.99, 0.4]),
      demandSd: pick([null, 5, 12.5, 40]),
    });
  return rows;
}

function platformData(seed: number, from: string, n: number, log: FunnelData['log']): FunnelData {
  const truth = platformTruth(days(from, n), seed);
  const traffic = mergePlatformRows('traffic', mergePlatformRows('traffic', [], productTruthAsExported(truth.products)).rows, truth.shop).rows;
  // One day without its shop export and one agent day missing: blanks and zero denominators in the funnel.
  const agents = truth.agents.filter((r, i) => i !== 0);
  return { traffic: traffic.filter((r, i) => i !== 1 || r.productId !== null), agents, log };
}

const zhLog = generateRows(400, 99, { endDate: '2026-11-12', days: 20, lists: SAMPLE_LISTS });
const enLog = generateRows(150, 42, { endDate: '2026-11-09', days: 12, lists: SAMPLE_LISTS });
const CASES: Case[] = [
  { name: 'zh', lang: 'zh-CN', data: platformData(3, '2026-10-29', 10, zhLog), plan: planRows('zh-CN', 1) },
  { name: 'en', lang: 'en-US', data: platformData(4, '2026-11-03', 5, enLog), plan: planRows('en-US', 2) },
];

let work: string;
const recalculated = new Map<string, ExcelJS.Workbook>();

beforeAll(async () => {
  sofficePath();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-oracle-platform-'));
  const inputs: string[] = [];
  for (const c of CASES) {
    const wb = buildTemplate({ lang: c.lang, rows: c.data.log as never, platform: { traffic: c.data.traffic, agents: c.data.agents }, plan: c.plan, cacheResults: false });
    const file = path.join(work, `${c.name}.xlsx`);
    await wb.xlsx.writeFile(file);
    inputs.push(file);
  }
  const outputs = sofficeConvert(inputs, 'xlsx', path.join(work, 'recalculated'));
  for (const [i, out] of outputs.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    recalculated.set(CASES[i].name, wb);
  }
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

function resultOf(cell: ExcelJS.Cell): number | string | null {
  const raw: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (raw === undefined || raw === null || raw === '') return null;
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'object' && 'error' in raw) throw new Error(`${cell.address}: ${(raw as { error: string }).error} (${cell.formula})`);
  return raw as number | string;
}

function close(actual: number | string | null, expected: number | string | null, where: string): void {
  if (expected === null || typeof expected === 'string') {
    if (actual !== expected) throw new Error(`${where}: expected ${JSON.stringify(expected)}, LibreOffice gave ${JSON.stringify(actual)}`);
    return;
  }
  if (typeof actual !== 'number' || Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
    throw new Error(`${where}: expected ${expected}, LibreOffice gave ${JSON.stringify(actual)}`);
}

describe.each(CASES)('$name', (c) => {
  it('漏斗: every funnel and reconciliation cell equals the TypeScript computation', () => {
    const wb = recalculated.get(c.name)!;
    const ws = wb.getWorksheet('漏斗')!;
    const keys = funnelKeys(c.data);
    const grid = funnelGrid(keys, 'native', c.lang);
    const expected = computeFunnel(c.data, keys);
    let compared = 0;
    let nonBlank = 0;
    for (const block of FUNNEL_BLOCKS) {
      const at = grid.blocks[block.id];
      expect(expected[block.id].length).toBe(at.rows);
      expect(at.rows).toBeGreaterThan(0);
      expected[block.id].forEach((row, i) => {
        at.columns.forEach((id, j) => {
          const cell = ws.getCell(at.firstRow + i, at.firstValueCol + j);
          close(resultOf(cell), row.values[id], `${c.name} ${block.id} ${cell.address} ${id}`);
          compared++;
          if (row.values[id] !== null && row.values[id] !== 0) nonBlank++;
        });
      });
    }
    // Enough real numbers compared (not a sheet of blanks agreeing with blanks).
    expect(compared).toBeGreaterThan(100);
    expect(nonBlank / compared).toBeGreaterThan(0.6);
  });

  it('计划: every calculated cell equals the TypeScript computation; the seed example reads true', () => {
    const ws = recalculated.get(c.name)!.getWorksheet(PLAN_SHEET)!;
    c.plan.forEach((input, i) => {
      const out = computePlanRow(input, c.lang, salesHistory(c.data.traffic, input.product));
      PLAN_COLUMNS.forEach((col, j) => {
        if (!col.calc) return;
        const expected = out[col.key as PlanCalcKey];
        close(resultOf(ws.getCell(i + 2, j + 1)), expected === '' ? null : expected, `${c.name} plan row ${i + 2} ${col.key}`);
      });
    });
    const col = (key: string) => PLAN_COLUMNS.findIndex((x) => x.key === key) + 1;
    const v = (row: number, key: string) => resultOf(ws.getCell(row, col(key)));
    // The history rows were really used: their suggestion differs from days of cover, and equals SS_HISTORY.
    const a = c.plan.findIndex((p) => p.product === '示例商品A');
    const history = salesHistory(c.data.traffic, '示例商品A');
    expect(history.length).toBeGreaterThanOrEqual(4);
    close(v(a + 2, 'suggested'), ssHistory(history.map((x) => [x]), 7, 0.95), 'history row');
    const [raise, ok] = c.lang === 'zh-CN' ? ['提高安全库存', '正常'] : ['Raise safety stock', 'OK'];
    expect([v(2, 'orders'), v(2, 'rop'), Number((v(2, 'cover') as number).toFixed(1)), v(2, 'status')]).toEqual([30, 800, 16.7, ok]);
    expect([v(3, 'orders'), Number((v(3, 'cover') as number).toFixed(1)), v(3, 'status')]).toEqual([52, 9.6, raise]);
    expect([Number((v(4, 'cover') as number).toFixed(1)), v(4, 'status')]).toEqual([15.4, ok]);
  });
});
