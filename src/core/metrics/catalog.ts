/**
 * The catalog of the 21 SHOP.* functions in the order of the product design (DESIGN.md). Source of truth for the
 * Chinese metadata (scripts/build/zhFunctionsPlugin.js), the JSDoc contract test and the help text.
 */
import { conversionCatalog } from './conversion';
import { dealRateCatalog } from './dealRate';
import { marketingCatalog } from './marketing';
import { stockCatalog } from './stock';
import type { FunctionSpec } from './spec';

const byId = new Map<string, FunctionSpec>(
  [...conversionCatalog, ...dealRateCatalog, ...marketingCatalog, ...stockCatalog].map((f) => [f.id, f]),
);

const ORDER = [
  'CVR',
  'INQUIRY_RATE',
  'INQUIRY_CVR',
  'SILENT_CVR',
  'DEAL_RATE',
  'CTR',
  'UV_VALUE',
  'AOV',
  'REPURCHASE',
  'REMIND_RATE',
  'ROI',
  'BREAKEVEN_ROI',
  'REFUND_RATE',
  'ORDERS',
  'SERVICE_FACTOR',
  'SS_DAYS',
  'SAFETY_STOCK',
  'SS_HISTORY',
  'SS_MAXAVG',
  'ROP',
  'SAFETY_DAYS',
] as const;

export type FunctionId = (typeof ORDER)[number];

export const FUNCTION_CATALOG: readonly FunctionSpec[] = ORDER.map((id) => {
  const spec = byId.get(id);
  if (!spec) throw new Error(`catalog entry missing for ${id}`);
  return spec;
});

export function functionSpec(id: string): FunctionSpec | undefined {
  return byId.get(id);
}
