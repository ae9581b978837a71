/**
 * `check` and `report` of the compiled CLI on a 100,000-row workbook: wall time and peak memory (maxRSS) of the
 * child process that runs them, as a user's machine would see it. The workbook is written once by a child process
 * (this file run with --write-fixture) and reused from .tmp/bench/ on later runs.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildCli, ROOT } from '../test/cli/buildCli';
import { unzipFloor } from './unzipFloor';

const ROWS = 100_000;
const SEED = 42;
export const FIXTURE = path.join(ROOT, '.tmp', 'bench', `cli-${ROWS}-seed${SEED}-v1.xlsx`);

async function writeFixture(file: string): Promise<void> {
  const { writeTemplate } = await import('../src/cli/template/buildTemplate');
  const { generateRows, SAMPLE_LISTS } = await import('../test/support/generateRows');
  await writeTemplate(file, { lang: 'zh-CN', rows: generateRows(ROWS, SEED, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
}

export function ensureFixture(): { ms: number | null } {
  if (fs.existsSync(FIXTURE)) return { ms: null };
  fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', require.resolve('tsx/cli'), __filename, '--write-fixture', FIXTURE], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`writing the bench workbook failed: ${r.stderr}`);
  return { ms: Date.now() - started };
}

interface Measured {
  exitCode: number;
  /** Wall time of the child process, start-up included. */
  wallMs: number;
  /** Time inside main() (reading, validating, aggregating). */
  runMs: number;
  maxRssMiB: number;
}

/** Run the CLI's main() in a fresh node process that reports its own time and peak RSS. */
function measure(libMain: string, args: string[]): Measured {
  const script = `
    const { main } = require(${JSON.stringify(libMain)});
    const started = process.hrtime.bigint();
    main(${JSON.stringify(args)}, { out() {}, err() {}, progress: false }).then((code) => {
      const runMs = Number(process.hrtime.bigint() - started) / 1e6;
      process.stdout.write(JSON.stringify({ exitCode: code, runMs, maxRssKiB: process.resourceUsage().maxRSS }));
    });`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = Date.now() - started;
  if (r.status !== 0) throw new Error(`CLI child failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { exitCode: number; runMs: number; maxRssKiB: number };
  return { exitCode: out.exitCode, wallMs, runMs: Math.round(out.runMs), maxRssMiB: Math.round(out.maxRssKiB / 1024) };
}

export default async function cliBench(): Promise<Record<string, unknown>> {
  const fixture = ensureFixture();
  const bin = buildCli();
  const libMain = path.join(path.dirname(path.dirname(bin)), 'lib', 'cli', 'main.js');
  try {
    const check = measure(libMain, ['check', FIXTURE]);
    const report = measure(libMain, ['report', FIXTURE, '--json']);
    // The peer in the same run: unzipping the same file alone (node start-up included, as for check).
    const unzipOnly = unzipFloor(path.join(path.dirname(path.dirname(bin)), 'lib'), [FIXTURE]);
    return {
      rows: ROWS,
      fileMiB: +(fs.statSync(FIXTURE).size / 2 ** 20).toFixed(1),
      fixtureWriteMs: fixture.ms,
      check: { ...check, targetWallMs: 3000, withinTarget: check.wallMs <= 3000 },
      report,
      unzipOnly,
      checkToUnzipRatio: +(check.wallMs / unzipOnly.wallMs).toFixed(2),
    };
  } finally {
    fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === '--write-fixture') {
  writeFixture(process.argv[3]).catch((e) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e));
    process.exit(1);
  });
}
