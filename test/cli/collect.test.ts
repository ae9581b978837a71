/**
 * collect: the same file twice adds nothing; a client's newer workbook replaces its rows (+added ~changed −removed);
 * an interrupted run loses nothing already stored; an unreadable file is one line, skipped, exit 2. The store is
 * checked with plain SQL of its own, not through the Store class.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCollect } from '../../src/cli/commands/collect';
import { writeTemplate } from '../../src/cli/template/buildTemplate';
import type { LogEntry } from '../../src/core/schema';
import { generateRows, SAMPLE_LISTS } from '../support/generateRows';
import { ROOT } from './buildCli';
import { sql } from './storeSql';

const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'collect-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), progress: false } };
}

const base = generateRows(40, 11, { endDate: '2026-03-31', days: 60 });
// Row 5 carries an error: a deal without an amount.
const broken: LogEntry = { ...base[5], deal: '是', amount: null, quantity: 1, dealType: '零售', noDealReason: null, followUp: null, nextFollowUp: null };
const v1 = [...base.slice(0, 5), broken, ...base.slice(6)];

async function write(folder: string, name: string, rows: readonly LogEntry[]): Promise<string> {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  await writeTemplate(file, { lang: 'zh-CN', rows, lists: SAMPLE_LISTS });
  return file;
}

test('same file twice adds nothing; a newer version adds, updates and removes rows; other clients untouched', async () => {
  const store = path.join(dir, 'a.duckdb');
  const week1 = path.join(dir, 'week1');
  await write(week1, '杭州小店.xlsx', v1);
  await write(week1, '宁波工厂.xlsx', base.slice(0, 10));

  const first = io();
  expect(await runCollect([week1], { lang: 'zh-CN', store, threads: 0, today: '2026-04-01' }, first.io)).toBe(0);
  expect(first.out).toContain('杭州小店：新增 +40，修改 ~0，删除 −0，有错误的行 1');
  expect(first.out).toContain('宁波工厂：新增 +10，修改 ~0，删除 −0，有错误的行 0');
  expect(await sql(store, "SELECT count(*), count(*) FILTER (WHERE problems <> '') FROM log_rows")).toEqual([[BigInt(50), BigInt(1)]]);

  const again = io();
  expect(await runCollect([week1], { lang: 'zh-CN', store, threads: 0, today: '2026-04-01' }, again.io)).toBe(0);
  expect(again.out.slice(0, 2)).toEqual(['宁波工厂：与上次收集的文件相同，未改动', '杭州小店：与上次收集的文件相同，未改动']);
  expect(await sql(store, 'SELECT count(*) FROM log_rows')).toEqual([[BigInt(50)]]);
  const firstIngest = await sql(store, "SELECT customer_id, ingested_at FROM log_rows WHERE client = '杭州小店' AND sheet_row = 10");

  // Week 2: row 2 deleted, row 20 edited, three rows typed below.
  const edited = { ...v1[20], customerId: 'EDITED-1' };
  const v2 = [...v1.slice(0, 2), ...v1.slice(3, 20), edited, ...v1.slice(21), ...generateRows(3, 99, { endDate: '2026-04-07', days: 7 })];
  const week2 = path.join(dir, 'week2');
  await write(week2, '杭州小店.xlsx', v2);
  const second = io();
  expect(await runCollect([week2], { lang: 'zh-CN', store, threads: 0, today: '2026-04-08' }, second.io)).toBe(0);
  expect(second.out[0]).toBe('杭州小店：新增 +3，修改 ~1，删除 −1，有错误的行 1');
  const rows = await sql(store, "SELECT client, count(*) FROM log_rows GROUP BY client ORDER BY client");
  expect(rows).toEqual([['宁波工厂', BigInt(10)], ['杭州小店', BigInt(42)]]);
  expect(await sql(store, "SELECT count(*) FROM log_rows WHERE customer_id = 'EDITED-1'")).toEqual([[BigInt(1)]]);
  expect(await sql(store, `SELECT count(*) FROM log_rows WHERE client = '杭州小店' AND customer_id = '${v1[2].customerId}' AND date = '${v1[2].date}' AND product = '${v1[2].product}'`)).toEqual([[BigInt(0)]]);
  // A row that only moved up keeps its first ingestion time.
  const moved = await sql(store, `SELECT ingested_at FROM log_rows WHERE client = '杭州小店' AND customer_id = '${firstIngest[0][0]}' AND sheet_row = 9`);
  expect(moved).toEqual([[firstIngest[0][1]]]);
});

test('an interrupted run keeps what the store held, and the next run completes it', async () => {
  const store = path.join(dir, 'b.duckdb');
  const folder = path.join(dir, 'interrupt');
  await write(folder, '甲店.xlsx', base.slice(0, 12));
  await write(folder, '乙店.xlsx', base.slice(0, 8));
  expect(await runCollect([path.join(folder, '甲店.xlsx')], { lang: 'zh-CN', store, threads: 0 }, io().io)).toBe(0);
  await write(folder, '甲店.xlsx', base.slice(0, 20));

  const failing = io();
  await expect(
    runCollect([folder], {
      lang: 'zh-CN', store, threads: 0,
      beforeCommit: (client) => {
        if (client === '甲店') throw new Error('power cut');
      },
    }, failing.io),
  ).rejects.toThrow('power cut');
  // 乙店 (read first) is in; 甲店 still has its 12 old rows, not 20 nor 0.
  expect(await sql(store, 'SELECT client, count(*) FROM log_rows GROUP BY client ORDER BY client')).toEqual([['乙店', BigInt(8)], ['甲店', BigInt(12)]]);

  const resumed = io();
  expect(await runCollect([folder], { lang: 'zh-CN', store, threads: 0 }, resumed.io)).toBe(0);
  expect(resumed.out).toContain('甲店：新增 +8，修改 ~0，删除 −0，有错误的行 0');
  expect(await sql(store, 'SELECT client, count(*) FROM log_rows GROUP BY client ORDER BY client')).toEqual([['乙店', BigInt(8)], ['甲店', BigInt(20)]]);
});

test('an unreadable file is one line and skipped, the others are collected, exit 2', async () => {
  const store = path.join(dir, 'c.duckdb');
  const folder = path.join(dir, 'mixed');
  await write(folder, 'good.xlsx', base.slice(0, 6));
  fs.writeFileSync(path.join(folder, 'broken.xlsx'), 'not a zip at all');
  const r = io();
  expect(await runCollect([folder, path.join(dir, 'missing.xlsx')], { lang: 'en-US', store, threads: 0 }, r.io)).toBe(2);
  expect(r.err).toHaveLength(2);
  expect(r.err[0]).toMatch(/broken\.xlsx/);
  expect(r.err[1]).toMatch(/missing\.xlsx/);
  expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
  expect(r.out[0]).toBe('good: +6 new, ~0 changed, −0 removed, 0 rows with errors');
  expect(await sql(store, 'SELECT count(*) FROM log_rows')).toEqual([[BigInt(6)]]);
});

test('the schema is versioned: a store from a newer kit is refused in one line and left alone', async () => {
  const store = path.join(dir, 'd.duckdb');
  const db = await DuckDBInstance.create(store);
  const c = await db.connect();
  await c.run('CREATE TABLE store_meta (version INTEGER NOT NULL); INSERT INTO store_meta VALUES (99)');
  c.closeSync();
  db.closeSync();
  const folder = path.join(dir, 'v');
  await write(folder, 'x.xlsx', base.slice(0, 2));
  const r = io();
  expect(await runCollect([folder], { lang: 'en-US', store, threads: 0 }, r.io)).toBe(2);
  expect(r.err).toEqual([`The store ${store} was written by a newer kit (version 99); upgrade shop-stats`]);
  expect(await sql(store, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'log_rows'")).toEqual([[BigInt(0)]]);
});

test('two clients sending byte-identical files are both collected; each is recognised when sent again', async () => {
  const store = path.join(dir, 'e.duckdb');
  const folder = path.join(dir, 'twins');
  const a = await write(folder, '甲.xlsx', base.slice(0, 4));
  fs.copyFileSync(a, path.join(folder, '乙.xlsx'));
  const first = io();
  expect(await runCollect([folder], { lang: 'zh-CN', store, threads: 0 }, first.io)).toBe(0);
  expect(first.out.slice(0, 2)).toEqual(['乙：新增 +4，修改 ~0，删除 −0，有错误的行 0', '甲：新增 +4，修改 ~0，删除 −0，有错误的行 0']);
  const again = io();
  expect(await runCollect([folder], { lang: 'zh-CN', store, threads: 0 }, again.io)).toBe(0);
  expect(again.out.slice(0, 2)).toEqual(['乙：与上次收集的文件相同，未改动', '甲：与上次收集的文件相同，未改动']);
  expect(await sql(store, 'SELECT count(*) FROM log_rows')).toEqual([[BigInt(8)]]);
});

test('the client comes from the identity stamp: a renamed newer workbook still replaces that client\'s rows', async () => {
  const { buildTemplate } = await import('../../src/cli/template/buildTemplate');
  const { DICT_SHEET, META_KEYS } = await import('../../src/core/schema');
  const stamped = async (file: string, rows: readonly LogEntry[]) => {
    const wb = buildTemplate({ lang: 'zh-CN', rows, lists: SAMPLE_LISTS });
    // The stamp as the kit's template writer puts it on 字典: a key cell followed by its value (far from the lists).
    wb.getWorksheet(DICT_SHEET)!.getRow(2).getCell(40).value = META_KEYS.client;
    wb.getWorksheet(DICT_SHEET)!.getRow(2).getCell(41).value = '杭州小店';
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await wb.xlsx.writeFile(file);
  };
  const store = path.join(dir, 'f.duckdb');
  await stamped(path.join(dir, 'stamp1', '询盘统计-第1周.xlsx'), base.slice(0, 10));
  await stamped(path.join(dir, 'stamp2', '询盘统计-第2周.xlsx'), base.slice(0, 12));
  const first = io();
  expect(await runCollect([path.join(dir, 'stamp1')], { lang: 'zh-CN', store, threads: 0 }, first.io)).toBe(0);
  expect(first.out[0]).toBe('杭州小店：新增 +10，修改 ~0，删除 −0，有错误的行 0');
  const second = io();
  expect(await runCollect([path.join(dir, 'stamp2')], { lang: 'zh-CN', store, threads: 0 }, second.io)).toBe(0);
  expect(second.out[0]).toBe('杭州小店：新增 +2，修改 ~0，删除 −0，有错误的行 0');
  expect(await sql(store, 'SELECT client, count(*), count(DISTINCT ingested_at) FROM log_rows GROUP BY client')).toEqual([['杭州小店', BigInt(12), BigInt(2)]]);
  expect(await sql(store, 'SELECT file FROM workbooks')).toEqual([[path.join(dir, 'stamp2', '询盘统计-第2周.xlsx')]]);
});
