/**
 * The 计划 sheet: table 库存计划, one row per main product (DESIGN.md "Plan"). Inputs are typed by the operator; the
 * calculated columns are formulas — SHOP functions in the add-in, native ones in the kit (so WPS and LibreOffice
 * compute it) — and the same arithmetic in TypeScript, which the oracle test holds both to.
 */
import { t, type Text } from '../i18n';
import { platform as P } from '../i18n/platform';
import { orders, rop, safetyDays, safetyStock, ssDays, ssHistory } from '../metrics';
import { escapeStructuredName, type Lang } from '../schema';
import { platformColumn, platformHeader, TRAFFIC } from './columns';
import type { PlatformRow } from './parse';
import type { Dialect, FunnelFormat } from './funnel';

export const PLAN_SHEET = '计划';
export const PLAN_TABLE = '库存计划';

export type PlanInputKey = 'product' | 'uv' | 'cvr' | 'units' | 'leadTime' | 'safetyStock' | 'targetDays' | 'serviceLevel' | 'demandSd';
export type PlanCalcKey = 'orders' | 'dailyUnits' | 'cover' | 'rop' | 'suggested' | 'status';
export type PlanKey = PlanInputKey | PlanCalcKey;

export interface PlanColumn {
  key: PlanKey;
  header: Text;
  format: FunnelFormat;
  width: number;
  calc: boolean;
}

const pc = (key: PlanKey, zh: string, en: string, format: FunnelFormat, width: number, calc = false): PlanColumn => ({ key, header: { 'zh-CN': zh, 'en-US': en }, format, width, calc });

export const PLAN_COLUMNS: readonly PlanColumn[] = [
  pc('product', '商品', 'Product', 'text', 22),
  pc('uv', '日均访客', 'Daily UV', 'count', 11),
  pc('cvr', '转化率', 'Conversion', 'percent', 10),
  pc('units', '每单件数', 'Units per order', 'money', 10),
  pc('leadTime', '补货周期', 'Lead time (days)', 'count', 10),
  pc('safetyStock', '当前安全库存', 'Current safety stock', 'count', 12),
  pc('targetDays', '目标天数', 'Target cover (days)', 'count', 10),
  pc('serviceLevel', '服务水平', 'Service level', 'percent', 10),
  pc('demandSd', '日需求标准差', 'Demand σ', 'money', 12),
  pc('orders', '预计日单量', 'Daily orders', 'money', 11, true),
  pc('dailyUnits', '日需求件数', 'Daily units', 'money', 11, true),
  pc('cover', '安全天数', 'Days of cover', 'money', 10, true),
  pc('rop', '再订货点', 'Reorder point', 'money', 11, true),
  pc('suggested', '建议安全库存', 'Suggested safety stock', 'money', 13, true),
  pc('status', '状态', 'Status', 'text', 14, true),
];

export type PlanInput = Partial<Record<PlanInputKey, string | number | null>>;
export type PlanOutput = Record<Exclude<PlanCalcKey, 'status'>, number | null> & { status: string };

/** The seed example (DESIGN.md): this week 2000 × 1.5%, next week 4000 × 1.3%; 10-day cycle; safety stock 500. */
export function seedPlanRows(lang: Lang): PlanInput[] {
  return [
    { product: t(P.seedThisWeek, lang), uv: 2000, cvr: 0.015, units: 1, leadTime: 10, safetyStock: 500 },
    { product: t(P.seedNextWeek, lang), uv: 4000, cvr: 0.013, units: 1, leadTime: 10, safetyStock: 500 },
  ];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
function attempt(f: () => number): number | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/**
 * The product's daily sales history: 支付件数 of its rows in the imported 平台流量 table (matched by 商品 name, as
 * the plan names products), blanks left out. With a service level and no σ, the suggestion is SS_HISTORY over it.
 */
export function salesHistory(traffic: readonly PlatformRow[], product: unknown): number[] {
  if (typeof product !== 'string' || product === '') return [];
  return traffic.filter((r) => r.product === product && typeof r.unitsPaid === 'number').map((r) => r.unitsPaid as number);
}

export function computePlanRow(input: PlanInput, lang: Lang, history: readonly number[] = []): PlanOutput {
  const [uv, cvr, lead, stock, target, level, sd] = [input.uv, input.cvr, input.leadTime, input.safetyStock, input.targetDays, input.serviceLevel, input.demandSd].map(num);
  const units = num(input.units) ?? 1;
  const ordersPerDay = uv === null || cvr === null ? null : attempt(() => orders(uv, cvr));
  const dailyUnits = ordersPerDay === null ? null : attempt(() => orders(uv, cvr, units));
  const cover = dailyUnits === null || stock === null || dailyUnits <= 0 ? null : attempt(() => safetyDays(stock, dailyUnits));
  const reorder = dailyUnits === null || lead === null || stock === null ? null : attempt(() => rop(dailyUnits, lead, stock));
  let suggested: number | null = null;
  if (dailyUnits !== null && lead !== null) {
    if (level !== null && sd !== null) suggested = level < 0.5 || level >= 1 || sd < 0 ? null : attempt(() => safetyStock(level, sd, lead));
    else if (level !== null && history.length >= 2) suggested = level < 0.5 || level >= 1 ? null : attempt(() => ssHistory(history.map((x) => [x]), lead, level));
    else suggested = attempt(() => ssDays(dailyUnits, target ?? lead));
  }
  const status = cover === null || lead === null ? '' : cover < lead ? t(P.statusRaise, lang) : t(P.statusOk, lang);
  return { orders: ordersPerDay, dailyUnits, cover, rop: reorder, suggested, status };
}

/** Formula of a calculated column (row-relative structured references, which LibreOffice also reads). */
export function planFormula(key: PlanCalcKey, dialect: Dialect, lang: Lang): string {
  const r = (k: PlanKey) => {
    const col = PLAN_COLUMNS.find((c) => c.key === k)!;
    return `${PLAN_TABLE}[[#This Row],[${escapeStructuredName(t(col.header, lang))}]]`;
  };
  const shop = dialect === 'shop';
  const units = `IF(${r('units')}="",1,${r('units')})`;
  switch (key) {
    case 'orders':
      return `=IF(OR(${r('uv')}="",${r('cvr')}=""),"",${shop ? `IFERROR(SHOP.ORDERS(${r('uv')},${r('cvr')}),"")` : `${r('uv')}*${r('cvr')}`})`;
    case 'dailyUnits':
      return `=IF(${r('orders')}="","",${shop ? `IFERROR(SHOP.ORDERS(${r('uv')},${r('cvr')},${units}),"")` : `${r('orders')}*${units}`})`;
    case 'cover':
      return `=IF(OR(${r('dailyUnits')}="",${r('safetyStock')}=""),"",IF(${r('dailyUnits')}<=0,"",${shop ? `IFERROR(SHOP.SAFETY_DAYS(${r('safetyStock')},${r('dailyUnits')}),"")` : `${r('safetyStock')}/${r('dailyUnits')}`}))`;
    case 'rop':
      return `=IF(OR(${r('dailyUnits')}="",${r('leadTime')}="",${r('safetyStock')}=""),"",${shop ? `IFERROR(SHOP.ROP(${r('dailyUnits')},${r('leadTime')},${r('safetyStock')}),"")` : `${r('dailyUnits')}*${r('leadTime')}+${r('safetyStock')}`})`;
    case 'suggested': {
      const target = `IF(${r('targetDays')}="",${r('leadTime')},${r('targetDays')})`;
      const statistical = shop
        ? `IFERROR(SHOP.SAFETY_STOCK(${r('serviceLevel')},${r('demandSd')},${r('leadTime')}),"")`
        : `IF(OR(${r('serviceLevel')}<0.5,${r('serviceLevel')}>=1,${r('demandSd')}<0),"",_xlfn.NORM.S.INV(${r('serviceLevel')})*${r('demandSd')}*SQRT(${r('leadTime')}))`;
      // The product's 支付件数 history in 平台流量 (σ as STDEV.S): SS_HISTORY in the add-in; in the kit the same
      // sample deviation from COUNTIFS / SUMIFS / SUMPRODUCT, which need no array entry in WPS or LibreOffice.
      const units = `${TRAFFIC.table}[${escapeStructuredName(platformHeader(platformColumn('traffic', 'unitsPaid'), lang))}]`;
      const names = `${TRAFFIC.table}[${escapeStructuredName(platformHeader(platformColumn('traffic', 'product'), lang))}]`;
      const n = `COUNTIFS(${names},${r('product')},${units},"<>")`;
      const sum = `SUMIFS(${units},${names},${r('product')})`;
      const sumSq = `SUMPRODUCT((${names}=${r('product')})*(${units})^2)`;
      const historical = shop
        ? `IFERROR(SHOP.SS_HISTORY(FILTER(${units},(${names}=${r('product')})*(${units}<>"")),${r('leadTime')},${r('serviceLevel')}),"")`
        : `IF(OR(${n}<2,${r('serviceLevel')}<0.5,${r('serviceLevel')}>=1),"",_xlfn.NORM.S.INV(${r('serviceLevel')})*SQRT(MAX(0,(${sumSq}-${sum}^2/${n})/(${n}-1)))*SQRT(${r('leadTime')}))`;
      const days = shop ? `IFERROR(SHOP.SS_DAYS(${r('dailyUnits')},${target}),"")` : `${r('dailyUnits')}*${target}`;
      return `=IF(OR(${r('dailyUnits')}="",${r('leadTime')}=""),"",IF(${r('serviceLevel')}<>"",IF(${r('demandSd')}<>"",${statistical},IF(${n}>=2,${historical},${days})),${days}))`;
    }
    case 'status':
      return `=IF(OR(${r('cover')}="",${r('leadTime')}=""),"",IF(${r('cover')}<${r('leadTime')},"${t(P.statusRaise, lang)}","${t(P.statusOk, lang)}"))`;
  }
}

/** Red when the buffer covers fewer days than the replenishment cycle: the condition on a row's first cell address. */
export function planAlertCondition(row: number): string {
  const letter = (k: PlanKey) => String.fromCharCode(65 + PLAN_COLUMNS.findIndex((c) => c.key === k));
  return `AND(ISNUMBER($${letter('cover')}${row}),ISNUMBER($${letter('leadTime')}${row}),$${letter('cover')}${row}<$${letter('leadTime')}${row})`;
}
