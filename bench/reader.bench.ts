/**
 * The .xlsx readers compared on the 100,000-row bench workbook (the one cli.bench writes): the kit's reader beside
 * the candidates it was chosen over and the unzip-only floor, all in the same run. Each figure is the median of
 * RUNS runs, each in a fresh node process (read time and CPU time inside it, and its peak RSS). Every candidate
 * reads every row of every sheet (the floors: every part's text).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { ROOT } from '../test/cli/buildCli';
import { ensureFixture, FIXTURE } from './cli.bench';

const RUNS = 3;

type Candidate = (file: string) => Promise<number>;

async function readAllRows(file: string, engine: 'scanner' | 'saxes'): Promise<number> {
  const { openWorkbook } = await import('../src/cli/xlsx');
  const { createSaxes } = await import('../test/cli/saxesEngine');
  const wb = await openWorkbook(file, { engine: engine === 'saxes' ? createSaxes : undefined });
  let rows = 0;
  for (const sheet of wb.sheets) {
    await wb.readRows(sheet, () => {
      rows++;
    });
  }
  wb.close();
  return rows;
}

/** Each candidate reads every sheet's rows (or, for the floors, every part's text) and returns a count. */
const candidates: Record<string, Candidate> = {
  /** Floor: unzip every part (yauzl + Node's zlib) and decode its UTF-8, no XML parsing. */
  'unzip only (yauzl + zlib)': async (file) => {
    const { openArchive } = await import('../src/cli/xlsx/zip');
    const zip = await openArchive(file);
    let chars = 0;
    for (const name of zip.names) {
      await zip.readText(name, (t) => {
        chars += t.length;
      });
    }
    zip.close();
    return chars;
  },
  /** Floor with the pure-JS inflater the kit did not take. */
  'unzip only (fflate streaming)': async (file) => {
    const { Unzip, UnzipInflate } = await import('fflate');
    let chars = 0;
    await new Promise<void>((resolve, reject) => {
      const unzip = new Unzip((entry) => {
        const decoder = new TextDecoder();
        entry.ondata = (err, chunk, final) => {
          if (err) reject(err);
          chars += decoder.decode(chunk, { stream: !final }).length;
        };
        entry.start();
      });
      unzip.register(UnzipInflate);
      const stream = fs.createReadStream(file);
      stream.on('data', (b) => unzip.push(b as Buffer));
      stream.on('end', () => {
        unzip.push(new Uint8Array(0), true);
        resolve();
      });
      stream.on('error', reject);
    });
    return chars;
  },
  /** The kit's reader: yauzl + zlib, a streaming TextDecoder, the kit's XML scanner. */
  'kit reader (yauzl + zlib + scanner)': (file) => readAllRows(file, 'scanner'),
  /** The same pipeline on saxes, the maintained SAX parser the scanner is tested against. */
  'yauzl + zlib + saxes': (file) => readAllRows(file, 'saxes'),
  'exceljs 4.4 streaming': async (file) => {
    const ExcelJS = (await import('exceljs')).default;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
    let rows = 0;
    for await (const sheet of reader) for await (const row of sheet) rows += row ? 1 : 0;
    return rows;
  },
  'SheetJS 0.20 full read': async (file) => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer', dense: true });
    let rows = 0;
    for (const name of wb.SheetNames) rows += XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1 }).length;
    return rows;
  },
};

interface Run {
  /** Wall time of the read inside the child (start-up excluded). */
  ms: number;
  /** CPU time (user + system, all threads): steadier than wall time on a shared machine. */
  cpuMs: number;
  count: number;
  maxRssMiB: number;
}

function runOnce(name: string): Run {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', require.resolve('tsx/cli'), __filename, '--candidate', name, FIXTURE], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Run;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function readerBench(): Promise<Record<string, unknown>> {
  ensureFixture();
  const results: Record<string, unknown> = { file: FIXTURE.slice(ROOT.length + 1), fileMiB: +(fs.statSync(FIXTURE).size / 2 ** 20).toFixed(1), runs: RUNS };
  for (const name of Object.keys(candidates)) {
    const runs = Array.from({ length: RUNS }, () => runOnce(name));
    results[name] = {
      medianMs: median(runs.map((r) => r.ms)),
      medianCpuMs: median(runs.map((r) => r.cpuMs)),
      ms: runs.map((r) => r.ms),
      count: runs[0].count,
      medianMaxRssMiB: median(runs.map((r) => r.maxRssMiB)),
    };
    process.stderr.write(`  ${name}: ${JSON.stringify(results[name])}\n`);
  }
  return results;
}

if (require.main === module && process.argv[2] === '--candidate') {
  const [name, file] = process.argv.slice(3);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  candidates[name](file).then(
    (count) => {
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
      const used = process.cpuUsage(cpu);
      const cpuMs = Math.round((used.user + used.system) / 1000);
      process.stdout.write(JSON.stringify({ ms, cpuMs, count, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
    },
    (e) => {
      process.stderr.write(String(e instanceof Error ? e.stack : e));
      process.exit(1);
    },
  );
}
