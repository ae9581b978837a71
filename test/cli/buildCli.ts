/**
 * Compile the CLI the way `npm run prepare` does (tsconfig.cli.json), but into a private directory under .tmp/,
 * next to a copy of bin/shop-stats.js, so tests run the real bin entry without touching the shared lib/.
 * Modules still resolve from the repo's node_modules (the directory sits inside the repo).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function buildCli(): string {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'cli-build-'));
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json'), '--outDir', path.join(dir, 'lib')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed:\n${tsc.stdout}${tsc.stderr}`);
  fs.mkdirSync(path.join(dir, 'bin'));
  const bin = path.join(dir, 'bin', 'shop-stats.js');
  fs.copyFileSync(path.join(ROOT, 'bin', 'shop-stats.js'), bin);
  return bin;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(bin: string, args: string[], env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', SHOP_STATS_LANG: '', ...env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
