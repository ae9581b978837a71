/**
 * Platform imports: reading and recognising a year of 生意参谋 商品 exports (150 products × 365 days = 54,750 rows; BIFF8 .xls stops at 65,536 rows)
 * as .xls and as GBK .csv, merging them into the table, and the funnel over the result with a 20,000-row log.
 */
import { computeFunnel } from '../src/core/platform/funnel';
import { mergePlatformRows } from '../src/core/platform/merge';
import { readExport } from '../src/core/platform/readExport';
import type { PlatformRow } from '../src/core/platform/parse';
import { generateRows } from '../test/support/generateRows';
import { agentsGbkCsv, days, platformTruth, productXls } from '../test/support/platformExports';

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const year = days('2025-12-01', 365);
  const truth = platformTruth(year, 1);
  // 3 products per day in the generator: repeated with shifted IDs to 150 products (54,750 rows: .xls holds 65,536).
  const products: PlatformRow[] = [];
  for (let k = 0; k < 50; k++) for (const r of truth.products) products.push({ ...r, productId: `${Number(r.productId) + k * 10}` });
  const xls = productXls(products);
  const read = time(() => readExport(xls, { file: 'year.xls' }));
  const merge = time(() => mergePlatformRows('traffic', [], read.value.rows));
  const again = time(() => mergePlatformRows('traffic', merge.value.rows, read.value.rows));
  const csv = agentsGbkCsv(truth.agents.filter((r) => r.date === year[0]));
  const gbk = time(() => readExport(csv, { file: 'agents.csv' }));
  const log = generateRows(20_000, 5, { endDate: year.at(-1), days: 365 });
  const funnel = time(() => computeFunnel({ traffic: [...merge.value.rows, ...truth.shop], agents: truth.agents, log }));
  const heap = process.memoryUsage().heapUsed;
  return {
    xlsRows: read.value.rows.length,
    xlsBytes: xls.length,
    xlsReadMs: Math.round(read.ms),
    mergeMs: Math.round(merge.ms),
    reimportMs: Math.round(again.ms),
    gbkCsvReadMs: Math.round(gbk.ms),
    funnelMs: Math.round(funnel.ms),
    funnelRows: Object.values(funnel.value).reduce((n, b) => n + b.length, 0),
    heapMiB: Math.round(heap / 1024 / 1024),
  };
}
