/**
 * `npm run validate` (tsx scripts/validate-manifest.ts [FILE…]): the offline checks of what Office reads.
 * Without files: manifest.xml, dist/manifest.xml, dist/functions.json and dist/functions.zh-cn.json (build first).
 * A manifest gets:
 * 1. our rules (scripts/manifest/checks.ts);
 * 2. Microsoft's OfficeApp 1.1 XSDs (scripts/manifest/schemas.ts);
 * 3. `office-addin-manifest info`, which parses the manifest the way Office's tooling does, offline.
 *    (`office-addin-manifest validate` is not used: it uploads the file to a Microsoft web service.)
 * A functions metadata file (.json) gets Microsoft's custom-functions JSON schema.
 * Prints every failure and exits 1 if there is any.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkManifest, type Problem } from './manifest/checks';
import { checkFunctionsSchema, checkManifestSchema, type SchemaResult } from './manifest/schemas';

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

function report(file: string, problems: Problem[], gaps: string[], passed: string): boolean {
  for (const gap of gaps) process.stdout.write(`${file}: ${gap}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${file}: ${problems.length} problem(s)\n`);
    for (const p of problems) process.stderr.write(`  ✗ [${p.rule}] ${p.message}\n`);
    return false;
  }
  process.stdout.write(`${file}: OK (${passed})\n`);
  return true;
}

async function validateManifestFile(file: string): Promise<boolean> {
  const xml = fs.readFileSync(file, 'utf8');
  const problems = checkManifest(xml);
  // The schema check and the Office parser assume well-formed XML; our own check names that fault best.
  const wellFormed = !problems.some((p) => p.rule === 'well-formed');
  const schema: SchemaResult = wellFormed ? await checkManifestSchema(xml, file) : { problems: [], gaps: [] };
  problems.push(...schema.problems);
  const tooling = wellFormed ? officeToolingParse(file) : 'skipped';
  if (typeof tooling === 'object') problems.push(tooling);
  const toolingNote =
    tooling === 'ok' ? 'office-addin-manifest info parsed it' : 'office-addin-manifest not installed, its parse skipped';
  return report(file, problems, schema.gaps, `offline rules passed; valid against OfficeAppManifestV1_1.xsd; ${toolingNote}`);
}

function validateFunctionsFile(file: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return report(file, [{ rule: 'json', message: `not valid JSON: ${(err as Error).message}` }], [], '');
  }
  const { problems, gaps } = checkFunctionsSchema(json);
  return report(file, problems, gaps, 'valid against custom-functions.schema.json');
}

/** Checks one file; returns whether it passed. */
async function validateFile(file: string): Promise<boolean> {
  if (!fs.existsSync(file)) {
    const hint = file.startsWith('dist') ? ': run `npm run build` first' : '';
    process.stderr.write(`validate-manifest: ${file} not found${hint}\n`);
    return false;
  }
  return file.endsWith('.json') ? validateFunctionsFile(file) : validateManifestFile(file);
}

const DEFAULT_FILES = ['manifest.xml', 'dist/manifest.xml', 'dist/functions.json', 'dist/functions.zh-cn.json'];

async function main(): Promise<void> {
  // Every file named is checked (`npm run validate -- dist/manifest.xml` checks only the built manifest).
  const named = process.argv.slice(2);
  const results: boolean[] = [];
  for (const file of named.length > 0 ? named : DEFAULT_FILES) results.push(await validateFile(file));
  if (results.includes(false)) process.exit(1);
}

main().catch((err: unknown) => {
  process.stderr.write(`validate-manifest: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
