/**
 * The agency kit's file writers on 100,000 rows, each in a fresh node process (wall time and peak RSS, as a user's
 * machine sees them): writing the template with its charts, `share`, `mask`, `migrate --dry-run` and `merge` on
 * that file, and 200 branded client templates from one profile. Target (issues 9 and 10): a 100,000-row template
 * and a 100,000-row merge written in ≤ 1 GB peak; the figures below say where the writers stand against it.
 *
 * Library decision figures: `report --out --pivot` on that file (read, aggregate, write), and the write alone of
 * the same rows with our pivot parts (template/pivots.ts) against excelts' PivotTables, and of the template's charts
 * with our DrawingML writer (writeTemplate, which also writes 字典, validation and the other sheets) against excelts
 * writing the log, the 报表 formula blocks and the same charts (bench/exceltsWriters.ts).
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
    const reportPivot = cli(['report', template, '--out', path.join(work, 'report-pivot.xlsx'), '--pivot']);
    const generated = `const entries = generateRows(${ROWS}, 42, { endDate: '2026-06-30' });`;
    const pivotOurs = measure(`
      import { aggregate } from ${src('src/core/reports/aggregate')};
      import { buildReportWorkbook } from ${src('src/cli/reportWorkbook')};
      import { addPivotSheets } from ${src('src/cli/reportPivots')};
      import { writeReportWorkbook } from ${src('src/cli/reportCharts')};
      import { entryValues } from ${src('src/cli/template/cells')};
      import { generateRows, SAMPLE_LISTS } from ${src('test/support/generateRows')};
      async function main() {
        ${generated}
        const results = aggregate(entries, { lang: 'zh-CN', lists: SAMPLE_LISTS });
        const wb = buildReportWorkbook(results, 'zh-CN', ['bench.xlsx']);
        await writeReportWorkbook(wb, results, 'zh-CN', ${JSON.stringify(path.join(work, 'pivot-ours.xlsx'))}, addPivotSheets(wb, entries.map(entryValues), 'zh-CN', SAMPLE_LISTS));
      }`);
    const pivotExcelts = measure(`
      import { exceltsPivots } from ${src('bench/exceltsWriters')};
      import { generateRows } from ${src('test/support/generateRows')};
      async function main() {
        ${generated}
        await exceltsPivots(entries, ${JSON.stringify(path.join(work, 'pivot-excelts.xlsx'))});
      }`);
    const chartsExcelts = measure(`
      import { exceltsTemplateCharts } from ${src('bench/exceltsWriters')};
      import { generateRows } from ${src('test/support/generateRows')};
      async function main() {
        ${generated}
        await exceltsTemplateCharts(entries, ${JSON.stringify(path.join(work, 'charts-excelts.xlsx'))});
      }`);
    const mib = (name: string) => (fs.existsSync(path.join(work, name)) ? +(fs.statSync(path.join(work, name)).size / 2 ** 20).toFixed(1) : null);
    return {
      rows: ROWS,
      templateMiB: fs.existsSync(template) ? +(fs.statSync(template).size / 2 ** 20).toFixed(1) : null,
      writeTemplate: { ...write, withinTarget: write.ok && write.maxRssMiB <= TARGET_MIB, targetMiB: TARGET_MIB },
      share,
      mask,
      migrateDryRun: migrate,
      merge: { ...merge, withinTarget: merge.ok && merge.maxRssMiB <= TARGET_MIB, targetMiB: TARGET_MIB },
      clientTemplates200: clients,
      reportPivot,
      pivotWriters: { ours: { ...pivotOurs, fileMiB: mib('pivot-ours.xlsx') }, excelts: { ...pivotExcelts, fileMiB: mib('pivot-excelts.xlsx') } },
      templateChartWriters: { ours: write, excelts: { ...chartsExcelts, fileMiB: mib('charts-excelts.xlsx') } },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
