/**
 * LibreOffice headless as a recalculation oracle. A throwaway profile sets Calc to always recalculate on load
 * (OOXML and ODF), otherwise LibreOffice keeps the cached values the writer stored and proves nothing.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const INSTALL_HINT = 'LibreOffice (soffice) is required: sudo apt-get install -y libreoffice-calc-nogui fonts-noto-cjk';

/** The soffice binary: $SHOP_STATS_SOFFICE if set, else the first soffice / libreoffice on PATH. */
export function sofficePath(): string {
  const explicit = process.env.SHOP_STATS_SOFFICE;
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`${INSTALL_HINT} (SHOP_STATS_SOFFICE=${explicit} does not exist)`);
    return explicit;
  }
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const bin = found.stdout.trim().split('\n')[0];
  if (found.status !== 0 || !bin) throw new Error(INSTALL_HINT);
  return bin;
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Create a fresh profile directory that always recalculates; returns its path. */
export function makeRecalcProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-stats-lo-'));
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  return dir;
}

/**
 * Convert files with one soffice start (start-up costs seconds). `filter` is e.g. 'xlsx' or 'pdf'.
 * Returns the output paths (same base names in outDir).
 */
export function sofficeConvert(files: string[], filter: string, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const ext = filter.split(':')[0];
  const bin = sofficePath();
  const profileDir = makeRecalcProfile();
  try {
    execFileSync(
      bin,
      [`-env:UserInstallation=file://${profileDir}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...files],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
  const outputs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`));
  for (const o of outputs) if (!fs.existsSync(o)) throw new Error(`LibreOffice did not write ${o}`);
  return outputs;
}
