/**
 * `npm run validate` (tsx scripts/validate-manifest.ts manifest.xml): the offline manifest check.
 * 1. Our rules (scripts/manifest/checks.ts).
 * 2. `office-addin-manifest info`, which parses the manifest the way Office's tooling does, offline.
 *    (`office-addin-manifest validate` is not used: it uploads the file to a Microsoft web service.)
 * Prints every failure and exits 1 if there is any.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkManifest, type Problem } from './manifest/checks';

const INFO_TIMEOUT_MS = 30_000;

/** Runs the Office tooling's own parser; returns a problem when it cannot read the manifest. */
function officeToolingParse(file: string): Problem | 'ok' | 'unavailable' {
  const bin = path.resolve(__dirname, '..', 'node_modules', 'office-addin-manifest', 'cli.js');
  if (!fs.existsSync(bin)) return 'unavailable';
  const run = spawnSync(process.execPath, [bin, 'info', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: INFO_TIMEOUT_MS,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  if (run.error || run.status !== 0 || /unable to parse/i.test(output)) {
    const reason = run.error ? run.error.message : output.split('\n').slice(0, 3).join(' ');
    return { rule: 'office-addin-manifest', message: `office-addin-manifest info could not read the manifest: ${reason}` };
  }
  return 'ok';
}

/** Checks one file; returns whether it passed. */
function validateFile(file: string): boolean {
  if (!fs.existsSync(file)) {
    process.stderr.write(`validate-manifest: ${file} not found\n`);
    return false;
  }
  const problems = checkManifest(fs.readFileSync(file, 'utf8'));
  // The Office parser is lenient with broken XML; run it only when our well-formedness check passed.
  const tooling = problems.some((p) => p.rule === 'well-formed') ? 'skipped' : officeToolingParse(file);
  if (typeof tooling === 'object') problems.push(tooling);

  if (problems.length > 0) {
    process.stderr.write(`${file}: ${problems.length} problem(s)\n`);
    for (const p of problems) process.stderr.write(`  ✗ [${p.rule}] ${p.message}\n`);
    return false;
  }
  const toolingNote =
    tooling === 'ok' ? 'office-addin-manifest info parsed it' : 'office-addin-manifest not installed, its parse skipped';
  process.stdout.write(`${file}: OK (offline rules passed; ${toolingNote})\n`);
  return true;
}

// Every file named is checked (`npm run validate -- dist/manifest.xml` checks the source and the built manifest).
const files = process.argv.slice(2);
const results = (files.length > 0 ? files : ['manifest.xml']).map(validateFile);
if (results.includes(false)) process.exit(1);
