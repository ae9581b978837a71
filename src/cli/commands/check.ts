/**
 * `shop-stats check FILE.xlsx…`: every log row through core validation (the same rules as the pane's sheet check),
 * with the file's own 字典 lists. Exit 0 clean (warnings allowed), 1 errors found, 2 a file could not be read.
 * Output stays bounded: at most `maxProblems` problems per file are printed, then a count per column and kind of
 * problem; `--json` is written as it goes (problems are never collected in memory).
 */
import { t } from '../../core/i18n';
import { cli } from '../../core/i18n/cli';
import { header, INPUT_KEYS, type Lang } from '../../core/schema';
import type { Io } from '../io';
import { logRowCount, readLog, UnreadableFileError, type LogRead } from '../readLog';
import { validateLog, type RowProblem } from '../validateLog';
import { identityLine } from './identity';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, progressFor, unreadableMessage } from './output';

/** Problems printed per file unless --max-problems says otherwise. */
export const DEFAULT_MAX_PROBLEMS = 100;

export interface CheckOptions {
  lang: Lang;
  json: boolean;
  /** Problems printed per file; 0 prints them all. */
  maxProblems?: number;
  /** Today's date (ISO); default the local calendar day. */
  today?: string;
}

/** How many problems of one kind one column has, with the first one's message as the example. */
export interface ProblemCount {
  column: string | null;
  severity: RowProblem['severity'];
  code: string;
  count: number;
  example: string;
}

/** Where a problem is: `file:row`, or `file:sheet!row` when the file has several log sheets. */
export function problemPlace(file: string, p: RowProblem, manySheets: boolean): string {
  if (p.row === null) return file;
  return manySheets && p.sheet !== null ? `${file}:${p.sheet}!${p.row}` : `${file}:${p.row}`;
}

export async function runCheck(files: readonly string[], options: CheckOptions, io: Io): Promise<number> {
  const { lang, json } = options;
  const limit = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const unreadable: Array<{ file: string; message: string }> = [];
  let anyErrors = false;
  let firstFile = true;
  if (json) io.out('{"files": [');
  for (const file of files) {
    const progress = progressFor(file, lang, io);
    let log: LogRead;
    try {
      log = await readLog(file, { onProgress: progress.rows });
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      const message = unreadableMessage(e, lang);
      unreadable.push({ file, message });
      io.err(message);
      continue;
    }
    progress.done(logRowCount(log));
    const manySheets = log.sheets.length > 1;
    const counts = new Map<string, ProblemCount>();
    let shown = 0;
    if (json) io.out(`${firstFile ? '' : ','}{"file": ${JSON.stringify(file)}, "lang": ${JSON.stringify(lang)}, "sheets": ${JSON.stringify(log.sheets.map((s) => s.name))}, "identity": ${JSON.stringify(log.identity)}, "problems": [`);
    firstFile = false;
    const result = validateLog(log, {
      lang,
      today: options.today,
      onProblem: (p) => {
        const key = `${p.column}\u0001${p.severity}\u0001${p.code}`;
        const c = counts.get(key);
        if (c) c.count++;
        else counts.set(key, { column: p.column, severity: p.severity, code: p.code, count: 1, example: p.message });
        if (limit > 0 && shown >= limit) return;
        if (json) io.out(`${shown === 0 ? '' : ','}${JSON.stringify(p)}`);
        else io.out(problemLine(file, p, manySheets, lang));
        shown++;
      },
    });
    anyErrors ||= result.errors > 0;
    const omitted = result.errors + result.warnings - shown;
    const summary = [...counts.values()];
    if (json) {
      const totals = { rows: result.rows, errors: result.errors, warnings: result.warnings, omitted, summary };
      io.out(`], ${JSON.stringify(totals).slice(1, -1)}}`);
      continue;
    }
    if (omitted > 0) {
      io.out(t(cli.checkOmitted, lang, { file, omitted, shown }));
      for (const c of summary) io.out(summaryLine(file, c, lang));
    }
    const params = { file, rows: result.rows, errors: result.errors, warnings: result.warnings };
    io.out(result.errors + result.warnings === 0 ? t(cli.checkClean, lang, params) : t(cli.checkSummary, lang, params));
    const stamp = identityLine(file, log.identity, lang);
    if (stamp) io.out(stamp);
  }
  if (json) io.out(`], "unreadable": ${JSON.stringify(unreadable)}}`);
  if (unreadable.length > 0) return EXIT_UNREADABLE;
  return anyErrors ? EXIT_PROBLEMS : EXIT_OK;
}

function columnLabel(column: string | null, lang: Lang): string {
  return column && (INPUT_KEYS as readonly string[]).includes(column) ? header(column as (typeof INPUT_KEYS)[number], lang) : '';
}

function severityLabel(severity: RowProblem['severity'], lang: Lang): string {
  return t(severity === 'error' ? cli.severityError : cli.severityWarning, lang);
}

function problemLine(file: string, p: RowProblem, manySheets: boolean, lang: Lang): string {
  const column = columnLabel(p.column, lang);
  return `${problemPlace(file, p, manySheets)}${column ? ` ${column}` : ''} ${severityLabel(p.severity, lang)}: ${p.message}`;
}

function summaryLine(file: string, c: ProblemCount, lang: Lang): string {
  const column = columnLabel(c.column, lang);
  return t(cli.checkSummaryKind, lang, {
    file,
    column: column ? `${column} ` : '',
    severity: severityLabel(c.severity, lang),
    count: c.count,
    example: c.example,
  });
}
