/**
 * Bundle size: raw and gzip bytes of the JavaScript taskpane.html loads before first paint (office.js from
 * Microsoft's CDN excluded), and of every JS file emitted (lazy view chunks listed separately).
 * Reuses dist/ when it is a production build newer than the sources; otherwise runs `npm run build` first.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const TARGET_GZIP_KIB = 110; // budget for the first-paint JavaScript (issue 12: was 130)
const MS_REACT_TEMPLATE_GZIP_KIB = 163; // Microsoft's React task-pane template, 80 KiB of it core-js

interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/** Newest modification time under the given paths (files or folders). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) fs.readdirSync(p).forEach((f) => visit(path.join(p, f)));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Script URLs of taskpane.html in document order; absolute (CDN) URLs are not ours and are skipped. */
export function localScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^(https?:)?\/\//i.test(src)) continue;
    scripts.push(src.split(/[?#]/)[0]);
  }
  return scripts;
}

function isFreshProductionBuild(): boolean {
  const html = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(html)) return false;
  // A development build names the runtime "runtime.js"; production adds a content hash.
  if (!localScripts(fs.readFileSync(html, 'utf8')).some((s) => /^runtime\.[0-9a-f]{8}\.js$/.test(s))) return false;
  const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/build', 'package.json', 'tsconfig.json'];
  return fs.statSync(html).mtimeMs >= newestMtime(sources.map((s) => path.join(ROOT, s)));
}

function size(file: string): FileSize {
  const bytes = fs.readFileSync(path.join(DIST, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

function total(files: FileSize[]) {
  const raw = files.reduce((s, f) => s + f.raw, 0);
  const gzip = files.reduce((s, f) => s + f.gzip, 0);
  return { rawBytes: raw, gzipBytes: gzip, rawKiB: +(raw / 1024).toFixed(1), gzipKiB: +(gzip / 1024).toFixed(1) };
}

export default async function bundleBench(): Promise<Record<string, unknown>> {
  let build = 'reused fresh production dist/';
  if (!isFreshProductionBuild()) {
    const started = Date.now();
    const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error('npm run build failed; fix the build before measuring the bundle');
    build = `built in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  }
  const initialFiles = localScripts(fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8'));
  const initial = initialFiles.map(size);
  const allJs = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
  const lazy = allJs.filter((f) => !initialFiles.includes(f)).map(size);
  const firstPaint = total(initial);
  // The same page also hosts the custom functions and the ribbon commands (shared runtime); show what the pane
  // itself needs apart from them, so a regression can be traced to its owner. The budget applies to the whole page.
  const sharedRuntimeOnly = initial.filter((f) => /^(functions|commands)[.]/.test(f.file));
  return {
    build,
    firstPaint: { ...firstPaint, files: initial },
    firstPaintSplit: {
      pane: total(initial.filter((f) => !sharedRuntimeOnly.includes(f))),
      functionsAndCommands: total(sharedRuntimeOnly),
    },
    lazyChunks: { ...total(lazy), count: lazy.length, files: lazy },
    allJs: { ...total([...initial, ...lazy]), count: allJs.length },
    budget: {
      targetGzipKiB: TARGET_GZIP_KIB,
      withinTarget: firstPaint.gzipKiB <= TARGET_GZIP_KIB,
      microsoftReactTemplateGzipKiB: MS_REACT_TEMPLATE_GZIP_KIB,
      shareOfTemplate: +(firstPaint.gzipKiB / MS_REACT_TEMPLATE_GZIP_KIB).toFixed(2),
    },
  };
}
