/**
 * `shop-stats migrate FILE… [--out-dir DIR | --in-place] [--dry-run]`: kit workbooks upgraded to the current
 * template version. Exit 0 when every file was upgraded or already current, 2 when one could not be read or was
 * refused (a newer version, no stamp) or an output exists without --force.
 */
import * as fs from 'fs';
import * as path from 'path';
import { t } from '../../core/i18n';
import { agency as A } from '../../core/i18n/agency';
import { cli } from '../../core/i18n/cli';
import { TEMPLATE_VERSION, type Lang } from '../../core/schema';
import type { Io } from '../io';
import { migrateWorkbook, type MigrateChange, type MigrateOutcome } from '../migrate/migrateWorkbook';
import { EXIT_OK, EXIT_UNREADABLE } from './output';

export interface MigrateOptions {
  lang: Lang;
  outDir?: string;
  inPlace: boolean;
  dryRun: boolean;
  force: boolean;
  json: boolean;
}

function changeLine(c: MigrateChange, lang: Lang): string {
  return c.kind === 'movedRules'
    ? t(A.migrateMovedRules, lang, { rules: c.rules, below: c.below, rows: c.tableRows })
    : t(A.migrateStamped, lang, { from: c.from, to: c.to });
}

/** Where a file's upgrade goes, or null for a dry run. */
function targetOf(file: string, options: MigrateOptions): string | null {
  if (options.dryRun) return null;
  return options.inPlace ? file : path.join(options.outDir!, path.basename(file));
}

export async function runMigrate(files: readonly string[], options: MigrateOptions, io: Io): Promise<number> {
  const { lang } = options;
  let code = EXIT_OK;
  const results: Array<{ file: string; out: string | null } & MigrateOutcome> = [];
  if (options.outDir && !options.dryRun) fs.mkdirSync(options.outDir, { recursive: true });
  for (const file of files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      io.err(t(fs.existsSync(file) ? cli.errorUnreadable : cli.errorNotFound, lang, { file, detail: '' }));
      code = EXIT_UNREADABLE;
      continue;
    }
    const out = targetOf(file, options);
    if (out !== null && out !== file && fs.existsSync(out) && !options.force) {
      io.err(t(cli.errorExists, lang, { file: out }));
      code = EXIT_UNREADABLE;
      continue;
    }
    // In place: the upgrade is written beside the file and renamed over it only after the .bak copy exists.
    const temp = out === file ? `${file}.migrating` : out;
    let outcome: MigrateOutcome;
    try {
      outcome = migrateWorkbook(file, temp);
      if (out === file && outcome.status === 'upgraded') {
        fs.copyFileSync(file, `${file}.bak`);
        fs.renameSync(temp!, file);
      }
    } catch (e) {
      if (temp && temp !== out) fs.rmSync(temp, { force: true });
      const detail = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message.split('\n')[0]) : String(e);
      io.err(t(cli.errorWrite, lang, { file: out ?? file, detail }));
      code = EXIT_UNREADABLE;
      continue;
    }
    results.push({ file, out, ...outcome });
    if (options.json) continue;
    switch (outcome.status) {
      case 'upgraded':
        io.out(out === null ? t(A.migrateWouldUpgrade, lang, { file, from: outcome.from, to: TEMPLATE_VERSION }) : t(A.migrateUpgraded, lang, { file, from: outcome.from, to: TEMPLATE_VERSION, out }));
        for (const c of outcome.changes) io.out(changeLine(c, lang));
        break;
      case 'current':
        io.out(t(A.migrateCurrent, lang, { file, version: TEMPLATE_VERSION }));
        break;
      case 'newer':
        io.err(t(A.migrateNewer, lang, { file, version: outcome.version, current: TEMPLATE_VERSION }));
        break;
      case 'noStamp':
        io.err(t(A.migrateNoStamp, lang, { file }));
        break;
      case 'notWorkbook':
        io.err(t(A.errorNotXlsx, lang, { file }));
        break;
    }
    if (outcome.status === 'newer' || outcome.status === 'noStamp' || outcome.status === 'notWorkbook') code = EXIT_UNREADABLE;
  }
  if (options.json) io.out(JSON.stringify({ files: results }, null, 2));
  return code;
}
