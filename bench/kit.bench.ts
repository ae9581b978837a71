/**
 * The agency kit's file writers on 100,000 rows, each in a fresh node process (wall time and peak RSS, as a user's
 * machine sees them): writing the template with its charts, `share`, `mask`, `migrate --dry-run` and `merge` on
 * that file, and 200 branded client templates from one profile. Target (issues 9 and 10): a 100,000-row template
 * and a 100,000-row merge written in ≤ 1 GB peak; the figures below say where the writers stand against it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../test/cli/buildCli';

const ROWS = 100_000;
const TARGET_MIB = 1024;

interface Measured {
  ok: boolean;
  wallMs: number;
  maxRssMiB: number;
  detail?: string;
}

/** Runs a TypeScript snippet with tsx in a child node process (heap raised so the figure is the writer's own need). */
function measure(code: string, heapMiB = 4096): Measured {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-kit-bench-'));
  const file = path.join(dir, 'run.ts');
  fs.writeFileSync(
    file,
    `${code}\nmain().then(() => process.stdout.write(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })), (e) => { process.stderr.write(String(e)); process.exit(1); });\n`,
  );
  const started = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMiB}`, require.resolve('tsx/cli'), file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = Date.now() - started;
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) return { ok: false, wallMs, maxRssMiB: 0, detail: r.stderr.split('\n').slice(-3).join(' ') };
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { maxRssKiB: number };
  return { ok: true, wallMs, maxRssMiB: Math.round(out.maxRssKiB / 1024) };
}

export default async function kitBench(): Promise<Record<string, unknown>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-kit-files-'));
  const src = (p: string) => JSON.stringify(path.join(ROOT, p));
  const template = path.join(work, 'template-100k.xlsx');
  try {
    const write = measure(`
      import { writeTemplate } from ${src('src/cli/template/buildTemplate')};
      import { generateRows, SAMPLE_LISTS } from ${src('test/support/generateRows')};
      async function main() {
        await writeTemplate(${JSON.stringify(template)}, { lang: 'zh-CN', rows: generateRows(${ROWS}, 42, { endDate: '2026-06-30' }), lists: SAMPLE_LISTS });
      }`);
    const cli = (args: string[]) =>
      measure(`
      import { main as cli } from ${src('src/cli/main')};
      async function main() {
        const code = await cli(${JSON.stringify(args)}, { out() {}, err() {}, progress: false }, {});
        if (code > 1) throw new Error('exit ' + code);
      }`);
    const share = cli(['share', template, '--out', path.join(work, 'shared.xlsx')]);
    const mask = cli(['mask', template, '--out', path.join(work, 'masked.xlsx')]);
    const migrate = cli(['migrate', template, '--dry-run']);
    // Reads the 100,000 rows and writes them again with the 来源 column, lists, rules and formula reports.
    const merge = cli(['merge', template, '--out', path.join(work, 'merged.xlsx')]);
    const profile = path.join(work, 'p200.json');
    fs.writeFileSync(profile, JSON.stringify({ agency: 'Bench', clients: Array.from({ length: 200 }, (_v, i) => ({ client: `客户${i}` })) }));
    const clients = cli(['template', '--profile', profile, '--out-dir', path.join(work, 'clients')]);
    return {
      rows: ROWS,
      templateMiB: fs.existsSync(template) ? +(fs.statSync(template).size / 2 ** 20).toFixed(1) : null,
      writeTemplate: { ...write, withinTarget: write.ok && write.maxRssMiB <= TARGET_MIB, targetMiB: TARGET_MIB },
      share,
      mask,
      migrateDryRun: migrate,
      merge: { ...merge, withinTarget: merge.ok && merge.maxRssMiB <= TARGET_MIB, targetMiB: TARGET_MIB },
      clientTemplates200: clients,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
