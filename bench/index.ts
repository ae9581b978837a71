/**
 * `npm run bench`: runs every bench/*.bench.ts (each default-exports an async function returning figures)
 * one after another, prints each section as it finishes on stderr and the combined figures as JSON on stdout.
 * Speed and memory targets live here, never in timed unit tests.
 */
import * as fs from 'fs';
import * as path from 'path';

type BenchFn = () => Promise<Record<string, unknown>>;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  const results: Record<string, unknown> = {
    machine: { node: process.version, cpus: require('os').cpus().length, platform: process.platform },
  };
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    const mod = (await import(path.join(__dirname, file))) as { default: BenchFn };
    const started = Date.now();
    process.stderr.write(`bench ${name}…\n`);
    results[name] = await mod.default();
    process.stderr.write(`bench ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
