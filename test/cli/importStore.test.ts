/**
 * `shop-stats import EXPORT… --store FILE [--client NAME]` end to end: generated exports into a client's platform
 * tables in a collected store; the same file again changes nothing (not even ingestion times); a newer export
 * replaces its days; a bad file or a wrong target exits 2 with one line and leaves the store as it was; the client
 * is named or, in a one-client store, implied; a store of the previous schema version is migrated and keeps its rows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCollect } from '../../src/cli/commands/collect';
import { runImport } from '../../src/cli/commands/import';
import { MIGRATIONS } from '../../src/cli/store/schema';
import { storedPlatformRows } from '../../src/cli/store/platformRows';
import { Store } from '../../src/cli/store/store';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import type { PlatformKind } from '../../src/core/platform/columns';
import { mergePlatformRows, sortPlatformRows } from '../../src/core/platform/merge';
import type { PlatformRow } from '../../src/core/platform/parse';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { agentsGbkCsv, agentsUtf8Csv, days, platformTruth, productTruthAsExported, productXls, shopXlsx } from '../support/platformExports';
import { runCli } from './runCli';
import { sql } from './storeSql';

jest.setTimeout(120_000);

const DAYS = days('2026-11-02', 3);
const truth = platformTruth(DAYS, 21);
let dir: string;
const file = (name: string, bytes: Uint8Array) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};

async function rowsOf(store: string, kind: PlatformKind, client: string): Promise<PlatformRow[]> {
  const s = await Store.open(store);
  try {
    return await storedPlatformRows(s, kind, client);
  } finally {
    s.close();
  }
}

/** Every stored platform row with its client, source and time, in a fixed order: "the store as it was". */
const snapshot = (store: string) =>
  sql(
    store,
    `SELECT 'traffic', client, source_file, ingested_at, date, product_id, visitors FROM platform_traffic
     UNION ALL SELECT 'agents', client, source_file, ingested_at, date, agent, inquirers FROM platform_agents ORDER BY ALL`,
  );

/** A store collected from client workbooks named after the clients. */
async function collectedStore(name: string, clients: readonly string[]): Promise<string> {
  const folder = path.join(dir, `${name}-clients`);
  fs.mkdirSync(folder, { recursive: true });
  for (const [i, client] of clients.entries()) {
    await writeTemplate(path.join(folder, `${client}.xlsx`), { lang: 'zh-CN', rows: generateRows(6, 30 + i, { endDate: DAYS[2], days: 5 }), lists: SAMPLE_LISTS });
  }
  const store = path.join(dir, `${name}.duckdb`);
  const quiet = { out: () => undefined, err: () => undefined, progress: false };
  expect(await runCollect([folder], { lang: 'zh-CN', store, threads: 0 }, quiet)).toBe(0);
  return store;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-import-store-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import --store', () => {
  let store: string;
  let xls: string;
  beforeAll(async () => {
    store = await collectedStore('agency', ['杭州小店', '宁波工厂']);
    xls = file('【生意参谋平台】商品_全部_2026-11-02_2026-11-04.xls', productXls(truth.products));
  });

  it('stores .xls, .xlsx and GBK .csv exports as the client\'s 平台流量 and 客服绩效 rows', async () => {
    const shop = file('shop.xlsx', shopXlsx(truth.shop));
    const agents = file('agents.csv', agentsGbkCsv(truth.agents.filter((r) => r.date === DAYS[0])));
    const r = await runCli(['import', xls, shop, agents, '--store', store, '--client', '杭州小店']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('流量/商品导出，9 行，2026-11-02 至 2026-11-04（已去掉汇总行 1 行）');
    expect(r.stdout).toContain('客服绩效：新增 3 行，更新 0 行，未变 0 行，移除 0 行');
    expect(r.stdout.split('\n').at(-1)).toBe(`已存入数据库 ${store}，客户“杭州小店”`);
    // The same rows the workbook import keeps, keyed by date + 商品ID (blank = shop) and date + 客服.
    const expected = mergePlatformRows('traffic', mergePlatformRows('traffic', [], productTruthAsExported(truth.products)).rows, truth.shop.map((x) => ({ ...x, refunds: null }))).rows;
    expect(await rowsOf(store, 'traffic', '杭州小店')).toEqual(expected);
    expect(await rowsOf(store, 'agents', '杭州小店')).toEqual(sortPlatformRows('agents', truth.agents.filter((x) => x.date === DAYS[0])));
    expect(await rowsOf(store, 'traffic', '宁波工厂')).toEqual([]);
    expect(await sql(store, "SELECT DISTINCT source_file FROM platform_agents")).toEqual([['agents.csv']]);
    // The collected log rows are still there.
    expect(await sql(store, 'SELECT count(*) FROM log_rows')).toEqual([[BigInt(12)]]);
  });

  it('importing the same file again changes nothing: every row, source and ingestion time as it was', async () => {
    const before = await snapshot(store);
    const r = await runCli(['import', xls, '--store', store, '--client', '杭州小店']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('平台流量：新增 0 行，更新 0 行，未变 9 行，移除 0 行');
    expect(await snapshot(store)).toEqual(before);
  });

  it('a newer export for the same days replaces them; unchanged rows keep their first ingestion (en-US)', async () => {
    const before = await sql(store, "SELECT agent, date, ingested_at FROM platform_agents WHERE agent = '小李' AND date = '2026-11-02'");
    const newer = truth.agents.map((x) => (x.date === DAYS[0] && x.agent === '小王' ? { ...x, inquirers: 999 } : x));
    const r = await runCli(['import', file('qn.csv', agentsUtf8Csv(newer)), '--store', store, '--client', '杭州小店', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('客服绩效: 6 added, 1 updated, 2 unchanged, 0 removed');
    expect(r.stdout.split('\n').at(-1)).toBe(`Stored in ${store} for client "杭州小店"`);
    expect(await rowsOf(store, 'agents', '杭州小店')).toEqual(sortPlatformRows('agents', [...newer]));
    expect(await sql(store, "SELECT agent, date, ingested_at FROM platform_agents WHERE agent = '小李' AND date = '2026-11-02'")).toEqual(before);
    expect(await sql(store, "SELECT source_file FROM platform_agents WHERE agent = '小王' AND date = '2026-11-02'")).toEqual([['qn.csv']]);
    // A day's export without one agent removes that agent's row of that day only.
    const lastDay = newer.filter((x) => x.date === DAYS[2] && x.agent !== '阿美');
    const gone = await runCli(['import', file('qn-last.csv', agentsUtf8Csv(lastDay)), '--store', store, '--client', '杭州小店', '--lang', 'en-US']);
    expect(gone.stdout).toContain('客服绩效: 0 added, 0 updated, 2 unchanged, 1 removed');
    expect(await rowsOf(store, 'agents', '杭州小店')).toEqual(sortPlatformRows('agents', newer.filter((x) => !(x.date === DAYS[2] && x.agent === '阿美'))));
  });

  it('a bad file among good ones: exit 2, one line, the store as it was', async () => {
    const before = await snapshot(store);
    const bad = file('orders.csv', new TextEncoder().encode('订单号,金额\n1,2\n'));
    const shop2 = file('shop2.xlsx', shopXlsx(truth.shop.map((x) => ({ ...x, visitors: 1 }))));
    for (const [lang, text] of [['zh-CN', 'orders.csv：无法识别的导出文件'], ['en-US', 'orders.csv: not a known export']]) {
      const r = await runCli(['import', shop2, bad, '--store', store, '--client', '宁波工厂', '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(text);
    }
    expect(await snapshot(store)).toEqual(before);
  });

  it('with two clients --client is required; an unknown client is refused (zh and en)', async () => {
    const before = await snapshot(store);
    const zh = await runCli(['import', xls, '--store', store]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`数据库 ${store} 中有 2 个客户（宁波工厂、杭州小店），请用 --client 指定导入到哪个客户`);
    const en = await runCli(['import', xls, '--store', store, '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`The store ${store} holds 2 clients (宁波工厂, 杭州小店); name the one to import into with --client`);
    const unknown = await runCli(['import', xls, '--store', store, '--client', '杭州小点', '--lang', 'en-US']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('The store holds no client "杭州小点"');
    expect(await snapshot(store)).toEqual(before);
  });

  it('exactly one of --into and --store; --client only with --store; a missing store is one line', async () => {
    const both = await runCli(['import', xls, '--store', store, '--into', path.join(dir, 'x.xlsx')]);
    expect([both.code, both.stderr]).toEqual([2, '请只给出 --into 工作簿 或 --store 数据库 中的一个']);
    const neither = await runCli(['import', xls, '--lang', 'en-US']);
    expect([neither.code, neither.stderr]).toEqual([2, 'give exactly one of --into WORKBOOK or --store FILE']);
    const clientInto = await runCli(['import', xls, '--into', path.join(dir, 'x.xlsx'), '--client', '杭州小店', '--lang', 'en-US']);
    expect([clientInto.code, clientInto.stderr]).toEqual([2, '--client is used only with --store']);
    const missing = path.join(dir, 'none.duckdb');
    const noStore = await runCli(['import', xls, '--store', missing]);
    expect([noStore.code, noStore.stderr]).toEqual([2, `找不到数据库 ${missing}，请先运行 shop-stats collect`]);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

test('an import interrupted after its first files are written leaves the store as it was', async () => {
  const store = await collectedStore('interrupted', ['温州鞋业']);
  const quiet = { out: () => undefined, err: () => undefined, progress: false };
  const first = file('w-agents.csv', agentsUtf8Csv(truth.agents.filter((x) => x.date === DAYS[0])));
  expect(await runImport([first], { lang: 'zh-CN', store }, quiet)).toBe(0);
  const before = await snapshot(store);
  const files = [file('w-shop.xlsx', shopXlsx(truth.shop)), file('w-agents-all.csv', agentsUtf8Csv(truth.agents))];
  await expect(
    runImport(files, { lang: 'zh-CN', store, beforeCommit: () => { throw new Error('power cut'); } }, quiet),
  ).rejects.toThrow('power cut');
  expect(await snapshot(store)).toEqual(before);
  // The next run completes it.
  expect(await runImport(files, { lang: 'zh-CN', store }, quiet)).toBe(0);
  expect(await rowsOf(store, 'agents', '温州鞋业')).toEqual(sortPlatformRows('agents', [...truth.agents]));
  expect(await rowsOf(store, 'traffic', '温州鞋业')).toEqual(sortPlatformRows('traffic', truth.shop.map((x) => ({ ...x, refunds: null }))));
});

test('the import help names --store and --client in both languages', async () => {
  const zh = await runCli(['import', '--help']);
  expect(zh.stdout).toContain('--store <file>   要写入的代运营数据库（由 collect 生成；与 --into 二选一）');
  expect(zh.stdout).toContain('导出文件         一个或多个平台导出文件（.xls、.xlsx 或 .csv）');
  const en = await runCli(['import', '--help', '--lang', 'en-US']);
  expect(en.stdout).toContain('--client <name>  client the data belongs to (with --store;');
  expect(en.stdout).toContain('exports          one or more platform exports (.xls, .xlsx or .csv)');
});

test('a one-client store needs no --client', async () => {
  const store = await collectedStore('single', ['义乌小商品']);
  const r = await runCli(['import', file('one.csv', agentsUtf8Csv(truth.agents)), '--store', store]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(await rowsOf(store, 'agents', '义乌小商品')).toEqual(sortPlatformRows('agents', [...truth.agents]));
});

test('a store of the previous schema version (1) is migrated on import and keeps its rows', async () => {
  const store = path.join(dir, 'v1.duckdb');
  const db = await DuckDBInstance.create(store);
  const c = await db.connect();
  await c.run('CREATE TABLE store_meta (version INTEGER NOT NULL)');
  await c.run(MIGRATIONS[0]);
  await c.run('INSERT INTO store_meta VALUES (1)');
  await c.run(
    `INSERT INTO log_rows (workbook, client, sheet, sheet_row, row_hash, problems, ingested_at, date, agent, customer_id)
     VALUES ('老客户', '老客户', '询盘统计', 2, 'h', '', TIMESTAMP '2026-10-01 08:00:00', '2026-10-01', '小王', '00123')`,
  );
  c.closeSync();
  db.closeSync();

  const r = await runCli(['import', file('v1.csv', agentsUtf8Csv(truth.agents)), '--store', store]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(await sql(store, 'SELECT max(version) FROM store_meta')).toEqual([[2]]);
  expect(await sql(store, "SELECT client, customer_id, date FROM log_rows")).toEqual([['老客户', '00123', '2026-10-01']]);
  expect(await rowsOf(store, 'agents', '老客户')).toEqual(sortPlatformRows('agents', [...truth.agents]));
});
