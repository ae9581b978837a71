/**
 * SHOP.* range functions over whole columns: DEAL_RATE on a 1,000,000-cell 是否成交 column (是/否/blanks), without
 * and with one criteria pair, and SS_HISTORY on 1,000,000 daily-sales cells with blanks. The inputs are shaped as
 * Excel passes a column to a custom function (1,000,000 rows × 1 column, any[][]). Median of 5 calls each.
 * Target (issue 2): well under a second per call.
 */
import { dealRate, ssHistory } from '../src/core/metrics';

const CELLS = 1_000_000;
const RUNS = 5;
const CHANNELS = ['旺旺/千牛', '电话', '微信', 'QQ', '1688询价单', '邮件', '其他'];

/** Deterministic pseudo-random numbers so every run measures the same data. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeIt(run: () => number): { msPerCall: number; cellsPerSecond: number; result: number } {
  const times: number[] = [];
  let result = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    result = run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const ms = median(times);
  return { msPerCall: Number(ms.toFixed(1)), cellsPerSecond: Math.round(CELLS / (ms / 1000)), result: Number(result.toFixed(6)) };
}

export default async function functionsBench(): Promise<Record<string, unknown>> {
  const next = generator(2026);
  const deal: unknown[][] = [];
  const channel: unknown[][] = [];
  const sales: unknown[][] = [];
  for (let i = 0; i < CELLS; i++) {
    const r = next();
    deal.push([r < 0.05 ? null : r < 0.08 ? '' : r < 0.4 ? '是' : '否']);
    channel.push([CHANNELS[Math.floor(next() * CHANNELS.length)]]);
    const s = next();
    sales.push([s < 0.1 ? null : s < 0.12 ? '' : Math.round(next() * 60)]);
  }

  const plain = timeIt(() => dealRate(deal));
  const filtered = timeIt(() => dealRate(deal, channel, '微信'));
  const wildcard = timeIt(() => dealRate(deal, channel, '*千牛'));
  const history = timeIt(() => ssHistory(sales, 7, 0.95));

  return {
    cells: CELLS,
    runs: RUNS,
    dealRate: plain,
    dealRateOneCriterion: filtered,
    dealRateWildcardCriterion: wildcard,
    ssHistory: history,
  };
}
