/**
 * The peer figure for the CLI benches: unzip every part of the given files and decode its UTF-8 (yauzl + zlib, the
 * kit's own zip layer, compiled), no XML parsing, in a fresh node process — the floor any reader of those files
 * stands on, measured in the same run so a ratio survives a busy or a faster machine.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../test/cli/buildCli';

export function unzipFloor(libDir: string, files: readonly string[]): { wallMs: number; maxRssMiB: number } {
  const zip = path.join(libDir, 'cli', 'xlsx', 'zip.js');
  const script = `
    const { openArchive } = require(${JSON.stringify(zip)});
    (async () => {
      let chars = 0;
      for (const file of ${JSON.stringify(files)}) {
        const a = await openArchive(file);
        for (const name of a.names) await a.readText(name, (t) => { chars += t.length; });
        a.close();
      }
      process.stdout.write(JSON.stringify({ chars, maxRssKiB: process.resourceUsage().maxRSS }));
    })();`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = Date.now() - started;
  if (r.status !== 0) throw new Error(`unzip floor failed: ${r.stderr}`);
  return { wallMs, maxRssMiB: Math.round((JSON.parse(r.stdout) as { maxRssKiB: number }).maxRssKiB / 1024) };
}
