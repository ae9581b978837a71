/** Import merging (re-import, replace, scopes), the funnel's TypeScript numbers, and the plan's seed example. */
import { computeFunnel, funnelGrid, funnelKeys, mondayOf } from '../../../src/core/platform/funnel';
import { mergePlatformRows } from '../../../src/core/platform/merge';
import type { PlatformRow } from '../../../src/core/platform/parse';
import { computePlanRow, planFormula, seedPlanRows } from '../../../src/core/platform/plan';
import { days, platformTruth } from '../../support/platformExports';

const DAYS = days('2026-11-02', 4);
const truth = platformTruth(DAYS, 5);

describe('merge', () => {
  it('importing the same rows again changes nothing', () => {
    const first = mergePlatformRows('traffic', [], truth.products);
    expect(first).toMatchObject({ added: 12, updated: 0, unchanged: 0, removed: 0 });
    const again = mergePlatformRows('traffic', first.rows, truth.products);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 12, removed: 0 });
    expect(again.rows).toEqual(first.rows);
  });

  it('a newer export for the same days replaces those days only', () => {
    const base = mergePlatformRows('traffic', [], truth.products).rows;
    const day2 = truth.products.filter((r) => r.date === DAYS[1]);
    // The newer export: the first product's numbers changed, the last product no longer listed.
    const newer = [{ ...day2[0], visitors: 1 }, day2[1]];
    const merged = mergePlatformRows('traffic', base, newer);
    expect(merged).toMatchObject({ added: 0, updated: 1, unchanged: 1, removed: 1 });
    expect(merged.rows.filter((r) => r.date === DAYS[1])).toEqual([{ ...day2[0], visitors: 1 }, day2[1]]);
    expect(merged.rows.filter((r) => r.date !== DAYS[1])).toEqual(base.filter((r) => r.date !== DAYS[1]));
  });

  it('a product export never removes the whole-shop rows of the same day (and the other way round)', () => {
    const shopOnly = mergePlatformRows('traffic', [], truth.shop).rows;
    const both = mergePlatformRows('traffic', shopOnly, truth.products);
    expect(both).toMatchObject({ added: 12, removed: 0 });
    expect(both.rows).toHaveLength(16);
    const shopAgain = mergePlatformRows('traffic', both.rows, truth.shop);
    expect(shopAgain).toMatchObject({ unchanged: 4, removed: 0 });
  });

  it('agent rows are replaced per day', () => {
    const base = mergePlatformRows('agents', [], truth.agents).rows;
    const oneDay = truth.agents.filter((r) => r.date === DAYS[0]).slice(0, 1);
    const merged = mergePlatformRows('agents', base, oneDay);
    expect(merged).toMatchObject({ unchanged: 1, removed: 2, added: 0 });
    expect(merged.rows).toHaveLength(truth.agents.length - 2);
  });
});

describe('funnel (TypeScript)', () => {
  const traffic: PlatformRow[] = [
    { date: '2026-11-02', productId: null, visitors: 2000, payingBuyers: 30, amountPaid: 3000 },
    { date: '2026-11-03', productId: null, visitors: 4000, payingBuyers: 52, amountPaid: 5200 },
    { date: '2026-11-02', productId: 'P1', product: '帆布包', visitors: 500, payingBuyers: 10, amountPaid: 800 },
  ];
  const agents: PlatformRow[] = [
    { date: '2026-11-02', agent: '小王', inquirers: 60, inquiryBuyers: 15 },
    { date: '2026-11-02', agent: '小李', inquirers: 40, inquiryBuyers: 5 },
    { date: '2026-11-03', agent: '小王', inquirers: 50, inquiryBuyers: 60 },
  ];
  const log = [
    { date: '2026-11-02', agent: '小王', channel: '旺旺/千牛', product: '帆布包', deal: '是' },
    { date: '2026-11-02', agent: '小王', channel: '微信', product: '帆布包', deal: '否' },
    { date: '2026-11-03', agent: '阿美', channel: '电话', product: '保温杯', deal: '否' },
    { date: '2026-10-01', agent: '老张', channel: '旺旺/千牛', product: '帆布包', deal: '否' },
  ];
  const result = computeFunnel({ traffic, agents, log });

  it('per day: visitors → inquirers → paying buyers, with the six rates', () => {
    expect(result.daily.map((r) => r.key)).toEqual(['2026-11-02', '2026-11-03']);
    const d1 = result.daily[0].values;
    expect(d1).toMatchObject({ visitors: 2000, inquirers: 100, inquiryBuyers: 20, payingBuyers: 30, amountPaid: 3000 });
    expect(d1.inquiryRate).toBeCloseTo(0.05, 12);
    expect(d1.inquiryCvr).toBeCloseTo(0.2, 12);
    expect(d1.silentCvr).toBeCloseTo(10 / 2000, 12);
    expect(d1.paidCvr).toBeCloseTo(0.015, 12);
    expect(d1.aov).toBeCloseTo(100, 12);
    expect(d1.uvValue).toBeCloseTo(1.5, 12);
    // More inquiry buyers than inquirers (inconsistent export): no inquiry conversion; silent would be negative.
    expect(result.daily[1].values).toMatchObject({ inquiryCvr: null, silentCvr: null });
  });

  it('per week (Monday first) and per product', () => {
    expect(mondayOf('2026-11-08')).toBe('2026-11-02');
    expect(mondayOf('2026-11-02')).toBe('2026-11-02');
    expect(result.weekly).toHaveLength(1);
    expect(result.weekly[0].values).toMatchObject({ visitors: 6000, inquirers: 150, payingBuyers: 82 });
    // The log counted over the product rows' days only (老张's October 帆布包 row is outside).
    expect(result.product[0]).toMatchObject({ key: 'P1', label: '帆布包', values: { visitors: 500, inquirers: 2, deals: 1, payingBuyers: 10 } });
  });

  it('reconciliation: our log (all channels, 旺旺 only) against the platform, per day and per agent', () => {
    expect(result.reconcileDaily[0]).toMatchObject({ key: '2026-11-02', values: { logAll: 2, logWangwang: 1, platform: 100, gap: -99 } });
    // Agents from both sides, the log counted over the platform's days only (老张's October row is outside).
    expect(result.reconcileAgent.map((r) => r.key)).toEqual(['小李', '小王', '阿美']);
    expect(result.reconcileAgent[1].values).toMatchObject({ logAll: 2, logWangwang: 1, platform: 110, gap: -109 });
    expect(result.reconcileAgent[2].values).toMatchObject({ logAll: 1, logWangwang: 0, platform: 0 });
  });

  it('the add-in grid uses SHOP functions, the kit grid native formulas, over the same cells', () => {
    const keys = funnelKeys({ traffic, agents, log });
    const shop = funnelGrid(keys, 'shop', 'zh-CN');
    const native = funnelGrid(keys, 'native', 'zh-CN');
    const row = shop.blocks.daily.firstRow - 1;
    const formulas = (g: typeof shop) => g.cells[row].map((c) => ('formula' in c ? c.formula : null));
    expect(formulas(shop)[1]).toBe('=SUMIFS(平台流量[访客数],平台流量[日期],$A3,平台流量[商品ID],"=")');
    expect(formulas(shop)[6]).toBe('=IFERROR(SHOP.INQUIRY_RATE(C3,B3),"")');
    expect(formulas(native)[6]).toBe('=IF(OR(B3<=0,C3<0,C3>B3),"",C3/B3)');
  });
});

describe('plan', () => {
  it('the seed example reads true', () => {
    const [now, next] = seedPlanRows('zh-CN').map((r) => computePlanRow(r, 'zh-CN'));
    expect(now).toMatchObject({ orders: 30, dailyUnits: 30, rop: 800, suggested: 300, status: '正常' });
    expect(now.cover).toBeCloseTo(16.67, 2);
    expect(next).toMatchObject({ orders: 52, rop: 1020, suggested: 520, status: '提高安全库存' });
    expect(next.cover).toBeCloseTo(9.6, 1);
    const raised = computePlanRow({ ...seedPlanRows('en-US')[1], safetyStock: 800 }, 'en-US');
    expect(raised.cover).toBeCloseTo(15.4, 1);
    expect(raised.status).toBe('OK');
  });

  it('service level and σ switch the suggestion to z·σ·√L', () => {
    const out = computePlanRow({ uv: 4000, cvr: 0.013, leadTime: 10, safetyStock: 500, serviceLevel: 0.95, demandSd: 12 }, 'zh-CN');
    expect(out.suggested).toBeCloseTo(1.6448536 * 12 * Math.sqrt(10), 4);
  });

  it('formulas: SHOP functions in the add-in, native in the kit', () => {
    expect(planFormula('rop', 'shop', 'zh-CN')).toContain('SHOP.ROP(库存计划[[#This Row],[日需求件数]],库存计划[[#This Row],[补货周期]],库存计划[[#This Row],[当前安全库存]])');
    expect(planFormula('suggested', 'native', 'en-US')).toContain('_xlfn.NORM.S.INV(');
    expect(planFormula('suggested', 'shop', 'zh-CN')).toContain('SHOP.SAFETY_STOCK(');
    expect(planFormula('suggested', 'shop', 'zh-CN')).toContain('SHOP.SS_HISTORY(FILTER(平台流量[支付件数],(平台流量[商品]=库存计划[[#This Row],[商品]])*(平台流量[支付件数]<>"")),');
  });
});
