/**
 * Seeded platform exports in each real shape, for tests: the typed rows ("truth") and the files a shop would
 * download — 生意参谋 商品 .xls (BIFF8, title rows above the header, numbers as text with thousands separators,
 * "1.52%", "-", "延迟统计", a 汇总 row), 生意参谋 店铺 .xlsx (统计日期, a 均值 row), 千牛/赤兔 客服绩效 .csv in GBK (no date
 * column: the day is in the title; 客服昵称 "店铺:客服" sub-accounts; 汇总 and 均值 rows) and in UTF-8 with a 日期 column
 * and other header aliases.
 */
import * as XLSX from '@e965/xlsx';
import * as iconv from 'iconv-lite';
import { isoToSerial, serialToIso } from '../../src/core/dates';
import type { PlatformRow } from '../../src/core/platform/parse';
import { seededRandom } from '../../src/core/random';

export const EXPORT_PRODUCTS: ReadonlyArray<{ id: string; name: string }> = [
  { id: '612345678901', name: '示例商品A' },
  { id: '612345678902', name: '保温杯500ml' },
  { id: '612345678903', name: '帆布包' },
];
export const EXPORT_AGENTS = ['小王', '小李', '阿美'];
const SHOP = '示例旗舰店';

export function days(from: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => serialToIso(isoToSerial(from) + i));
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Typed rows for the given days: product rows, shop rows (商品ID blank) and agent rows. */
export function platformTruth(dates: readonly string[], seed: number): { products: PlatformRow[]; shop: PlatformRow[]; agents: PlatformRow[] } {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const products: PlatformRow[] = [];
  const shop: PlatformRow[] = [];
  const agents: PlatformRow[] = [];
  for (const date of dates) {
    for (const p of EXPORT_PRODUCTS) {
      const visitors = int(800, 5000);
      const paying = int(5, 80);
      const amount = round2(paying * (50 + rnd() * 100));
      products.push({
        date, productId: p.id, product: p.name, visitors, pageViews: visitors + int(100, 3000), addToCart: int(20, 200), orderingBuyers: paying + int(0, 10),
        payingBuyers: paying, unitsPaid: paying + int(0, 20), amountPaid: amount, paidCvr: round4(paying / visitors), aov: null, refunds: int(0, 3) === 0 ? null : round2(rnd() * 200),
      });
    }
    const visitors = int(5000, 12000);
    const paying = int(60, 240);
    const amount = round2(paying * (60 + rnd() * 80));
    shop.push({
      date, productId: null, product: null, visitors, pageViews: visitors * 3, addToCart: null, orderingBuyers: null, payingBuyers: paying, unitsPaid: null,
      amountPaid: amount, paidCvr: round4(paying / visitors), aov: round2(amount / paying), refunds: null,
    });
    for (const agent of EXPORT_AGENTS) {
      const inquirers = int(20, 120);
      const paid = int(3, inquirers);
      agents.push({
        date, agent, served: inquirers + int(0, 40), inquirers, inquiryBuyers: paid, inquiryCvr: round4(paid / inquirers), aov: round2(80 + rnd() * 50),
        sales: round2(paid * 100), avgResponse: int(8, 60), firstResponse: int(3, 30), replyRate: round4(0.9 + rnd() * 0.1),
      });
    }
  }
  return { products, shop, agents };
}

const thousands = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(2)}%`);
const orDash = (x: number | null | string) => (x === null ? '-' : x);

function aoa(rows: unknown[][], bookType: 'xls' | 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' }) as Buffer);
}

/** 生意参谋 商品 export as .xls: five title rows, then the header; the last day's 支付转化率 still "延迟统计". */
export function productXls(rows: readonly PlatformRow[]): Uint8Array {
  const dates = rows.map((r) => String(r.date)).sort();
  const header = ['商品ID', '商品名称', '统计日期', '商品访客数', '商品浏览量', '平均停留时长', '商品详情页跳出率', '商品收藏人数', '商品加购件数', '商品加购人数', '下单买家数', '下单件数', '下单金额', '下单转化率', '支付买家数', '支付件数', '支付金额', '商品支付转化率', '成功退款金额'];
  const lastDay = dates.at(-1);
  return aoa(
    [
      ['【生意参谋平台】商品_全部'],
      [`统计时间：${dates[0]} ~ ${lastDay}`],
      ['店铺名称', SHOP],
      [],
      header,
      ...rows.map((r) => [
        Number(r.productId), r.product, String(r.date).replace(/-/g, '/'), thousands(r.visitors as number), r.pageViews, '12.5', '45.20%', 3, 10, r.addToCart,
        r.orderingBuyers, 0, '-', '1.00%', r.payingBuyers, r.unitsPaid, thousands(r.amountPaid as number), r.date === lastDay ? '延迟统计' : pct(r.paidCvr as number), orDash(r.refunds as number | null),
      ]),
      ['汇总', '', '', 99999, '', '', '', '', '', '', '', '', '', '', 999, '', '', '', ''],
    ],
    'xls',
  );
}

/** The truth as the product export reads it: the last day's conversion arrived as "延迟统计" (blank). */
export function productTruthAsExported(rows: readonly PlatformRow[]): PlatformRow[] {
  const last = rows.map((r) => String(r.date)).sort().at(-1);
  return rows.map((r) => ({ ...r, aov: null, paidCvr: r.date === last ? null : r.paidCvr }));
}

/** 生意参谋 店铺/整体 export as .xlsx: dates as real date cells, numbers as numbers, a 均值 row. */
export function shopXlsx(rows: readonly PlatformRow[]): Uint8Array {
  return aoa(
    [
      ['【生意参谋平台】整体看板'],
      ['下载时间：2026-12-01 09:00'],
      [],
      ['统计日期', '浏览量', '访客数', '支付买家数', '支付转化率', '客单价', '支付金额', '成功退款金额'],
      ...rows.map((r) => [isoToSerial(String(r.date)), r.pageViews, r.visitors, r.payingBuyers, r.paidCvr, r.aov, r.amountPaid, '-']),
      ['均值', 1, 1, 1, 0.01, 1, 1, '-'],
    ],
    'xlsx',
  );
}

const csvLine = (cells: unknown[]) => cells.map((c) => (c === null || c === undefined ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');

/** 赤兔 客服绩效 export for one day, GBK CSV, no date column (the day is in the title), sub-account nicknames. */
export function agentsGbkCsv(rows: readonly PlatformRow[]): Uint8Array {
  const day = String(rows[0].date);
  const lines = [
    csvLine(['客服绩效报表']),
    csvLine([`统计时间：${day} 至 ${day}`]),
    csvLine(['客服昵称', '接待人数', '询单人数', '询单->最终付款人数', '询单->最终付款成功率', '客单价', '销售额', '平均响应时间', '首次响应时间', '旺旺回复率']),
    ...rows.map((r) =>
      csvLine([`${SHOP}:${r.agent}`, r.served, r.inquirers, r.inquiryBuyers, pct(r.inquiryCvr as number), r.aov, thousands(r.sales as number), `${r.avgResponse}秒`, `0:00:${String(r.firstResponse).padStart(2, '0')}`, pct(r.replyRate as number)]),
    ),
    csvLine(['汇总', 1, 1, 1, '1%', 1, 1, '1秒', '1秒', '1%']),
    csvLine(['均值', 1, 1, 1, '1%', 1, 1, '1秒', '1秒', '1%']),
  ];
  return new Uint8Array(iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
}

/** 千牛 客服绩效 export over several days, UTF-8 CSV with BOM, a 日期 column and other aliases. */
export function agentsUtf8Csv(rows: readonly PlatformRow[]): Uint8Array {
  const lines = [
    csvLine(['千牛 客服数据']),
    csvLine(['日期', '客服', '接待人数', '询单人数', '询单->最终付款人数', '询单->最终付款转化率', '客单价', '销售额', '平均响应(秒)', '首次响应时间', '回复率']),
    ...rows.map((r) =>
      csvLine([r.date, r.agent, r.served, r.inquirers, r.inquiryBuyers, pct(r.inquiryCvr as number), r.aov, thousands(r.sales as number), r.avgResponse, r.firstResponse, pct(r.replyRate as number)]),
    ),
    csvLine(['合计', '', 1, 1, 1, '', '', '', '', '', '']),
  ];
  return new TextEncoder().encode(`\uFEFF${lines.join('\n')}\n`);
}
