/**
 * The agency store at scale: `collect` of 500 client workbooks × 2,000 rows (1,000,000 rows) by the compiled CLI,
 * wall time and peak memory (maxRSS of the process, worker threads included); then a second `collect` of the same
 * files (nothing changes), a month overview, Parquet and xlsx exports of the full store and one client's 月报. One 2,000-row workbook is
 * written once (child process) and copied under 500 client names into .tmp/bench/clients/.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildCli, ROOT } from '../test/cli/buildCli';
import { unzipFloor } from './unzipFloor';

const CLIENTS = Number(process.env.SHOP_STATS_BENCH_CLIENTS ?? 500);
const ROWS = 2_000;
const DIR = path.join(ROOT, '.tmp', 'bench', `clients-${CLIENTS}x${ROWS}`);
const ONE = path.join(ROOT, '.tmp', 'bench', `client-${ROWS}.xlsx`);

async function writeOne(file: string): Promise<void> {
  const { writeTemplate } = await import('../src/cli/template/buildTemplate');
  const { generateRows, SAMPLE_LISTS } = await import('../test/support/generateRows');
  await writeTemplate(file, { lang: 'zh-CN', rows: generateRows(ROWS, 5, { endDate: '2026-06-30', days: 400 }), lists: SAMPLE_LISTS });
}

function ensureFixtures(): void {
  if (!fs.existsSync(ONE)) {
    fs.mkdirSync(path.dirname(ONE), { recursive: true });
    const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), __filename, '--write-one', ONE], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`writing the client workbook failed: ${r.stderr}`);
  }
  fs.mkdirSync(DIR, { recursive: true });
  for (let i = 0; i < CLIENTS; i++) {
    const f = path.join(DIR, `client-${String(i).padStart(3, '0')}.xlsx`);
    if (!fs.existsSync(f)) fs.copyFileSync(ONE, f);
  }
}

function measure(libMain: string, args: string[]): { exitCode: number; wallMs: number; maxRssMiB: number } {
  const script = `
    const { main } = require(${JSON.stringify(libMain)});
    main(${JSON.stringify(args)}, { out() {}, err() {}, progress: false }).then((code) => {
      process.stdout.write(JSON.stringify({ exitCode: code, maxRssKiB: process.resourceUsage().maxRSS }));
    });`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = Date.now() - started;
  if (r.status !== 0) throw new Error(`CLI child failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { exitCode: number; maxRssKiB: number };
  return { exitCode: out.exitCode, wallMs, maxRssMiB: Math.round(out.maxRssKiB / 1024) };
}

export default async function storeBench(): Promise<Record<string, unknown>> {
  ensureFixtures();
  const bin = buildCli();
  const libMain = path.join(path.dirname(path.dirname(bin)), 'lib', 'cli', 'main.js');
  const store = path.join(ROOT, '.tmp', 'bench', `store-${process.pid}.duckdb`);
  const parquet = path.join(ROOT, '.tmp', 'bench', `store-${process.pid}.parquet`);
  const xlsx = path.join(ROOT, '.tmp', 'bench', `store-${process.pid}.xlsx`);
  const report = path.join(ROOT, '.tmp', 'bench', `store-${process.pid}-月报.xlsx`);
  try {
    const collect = measure(libMain, ['collect', DIR, '--store', store]);
    // The peer in the same run: unzipping the same 500 files alone, on one thread.
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(DIR, f));
    const unzipOnly = unzipFloor(path.join(path.dirname(path.dirname(bin)), 'lib'), files);
    const again = measure(libMain, ['collect', DIR, '--store', store]);
    const overview = measure(libMain, ['report', '--store', store, '--overview', '--period', 'month', '--date', '2026-06', '--json']);
    const exportParquet = measure(libMain, ['export', '--store', store, '--format', 'parquet', '--out', parquet]);
    const exportXlsx = measure(libMain, ['export', '--store', store, '--format', 'xlsx', '--out', xlsx]);
    const monthReport = measure(libMain, ['report', '--store', store, '--client', 'client-000', '--period', 'month', '--date', '2026-06', '--out', report]);
    return {
      clients: CLIENTS,
      rowsPerClient: ROWS,
      totalRows: CLIENTS * ROWS,
      collect: { ...collect, targetMs: 120_000, targetRssMiB: 1024, withinTarget: collect.wallMs <= 120_000 && collect.maxRssMiB <= 1024 },
      unzipOnly,
      collectToUnzipRatio: +(collect.wallMs / unzipOnly.wallMs).toFixed(2),
      collectAgainUnchanged: again,
      overviewMonth: overview,
      exportParquet: { ...exportParquet, fileMiB: +(fs.statSync(parquet).size / 2 ** 20).toFixed(1), withinRssTarget: exportParquet.maxRssMiB <= 1024 },
      exportXlsx: { ...exportXlsx, fileMiB: +(fs.statSync(xlsx).size / 2 ** 20).toFixed(1), withinRssTarget: exportXlsx.maxRssMiB <= 1024 },
      monthReportOneClient: monthReport,
      storeMiB: +(fs.statSync(store).size / 2 ** 20).toFixed(1),
    };
  } finally {
    fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
    for (const f of [store, `${store}.wal`, parquet, xlsx, report]) fs.rmSync(f, { force: true });
  }
}

if (require.main === module && process.argv[2] === '--write-one') {
  writeOne(process.argv[3]).catch((e) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e));
    process.exit(1);
  });
}
