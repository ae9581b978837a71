/**
 * `shop-stats check FILE.xlsx…`: every log row through core validation (the same rules as the pane's sheet check),
 * with the file's own 字典 lists. Exit 0 clean (warnings allowed), 1 errors found, 2 a file could not be read.
 */
import { t } from '../../core/i18n';
import { cli } from '../../core/i18n/cli';
import { header, INPUT_KEYS, type Lang } from '../../core/schema';
import type { Io } from '../io';
import { readLog, UnreadableFileError } from '../readLog';
import { validateLog, type RowProblem } from '../validateLog';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, progressFor, unreadableMessage } from './output';

export interface CheckOptions {
  lang: Lang;
  json: boolean;
  /** Today's date (ISO); default the local calendar day. */
  today?: string;
}

export interface FileCheck {
  file: string;
  rows: number;
  errors: number;
  warnings: number;
  problems: RowProblem[];
}

export interface CheckJson {
  files: Array<FileCheck & { lang: Lang }>;
  unreadable: Array<{ file: string; message: string }>;
}

export async function runCheck(files: readonly string[], options: CheckOptions, io: Io): Promise<number> {
  const { lang } = options;
  const out: CheckJson = { files: [], unreadable: [] };
  for (const file of files) {
    const progress = progressFor(file, lang, io);
    let checked: FileCheck;
    try {
      const log = await readLog(file, { onProgress: progress.rows });
      progress.done(log.rows.length);
      checked = { file, ...validateLog(log, { lang, today: options.today }) };
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      const message = unreadableMessage(e, lang);
      out.unreadable.push({ file, message });
      io.err(message);
      continue;
    }
    out.files.push({ ...checked, lang });
    if (!options.json) printFile(checked, lang, io);
  }
  if (options.json) io.out(JSON.stringify(out, null, 2));
  if (out.unreadable.length > 0) return EXIT_UNREADABLE;
  return out.files.some((f) => f.errors > 0) ? EXIT_PROBLEMS : EXIT_OK;
}

function printFile(check: FileCheck, lang: Lang, io: Io): void {
  for (const p of check.problems) {
    const severity = t(p.severity === 'error' ? cli.severityError : cli.severityWarning, lang);
    const where = p.row === null ? check.file : `${check.file}:${p.row}`;
    const column = p.column && (INPUT_KEYS as readonly string[]).includes(p.column) ? ` ${header(p.column, lang)}` : '';
    io.out(`${where}${column} ${severity}: ${p.message}`);
  }
  const params = { file: check.file, rows: check.rows, errors: check.errors, warnings: check.warnings };
  io.out(check.problems.length === 0 ? t(cli.checkClean, lang, params) : t(cli.checkSummary, lang, params));
}
