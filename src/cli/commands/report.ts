/**
 * `shop-stats report FILE.xlsx…`: the eight reports over the rows of all files together (an agency's consolidated
 * view), computed by core aggregate() from the rows that pass validation. Rows with errors are left out and counted
 * on stderr. `--json` prints `{"reports": {...}}`; `--out` writes a report workbook; otherwise tab-separated text.
 */
import * as path from 'path';
import { t } from '../../core/i18n';
import { cli } from '../../core/i18n/cli';
import { aggregate } from '../../core/reports/aggregate';
import { REPORT_IDS } from '../../core/reportIds';
import type { Lang, LogEntry } from '../../core/schema';
import type { Io } from '../io';
import { logRowCount, readLog, UnreadableFileError, type LogRead } from '../readLog';
import { formatReportText, reportTable } from '../reportTable';
import { addFunnelValuesSheet, formatFunnelText, funnelForFiles } from '../funnelReport';
import { buildReportWorkbook } from '../reportWorkbook';
import { writeReportWorkbook } from '../reportCharts';
import { addPivotSheets } from '../reportPivots';
import { entryValues } from '../template/cells';
import { validateLog } from '../validateLog';
import { identityLine } from './identity';
import { mergeLists } from './merge';
import { EXIT_OK, EXIT_UNREADABLE, outputBlocked, progressFor, unreadableMessage, writeFileOrFail } from './output';

export interface ReportOptions {
  lang: Lang;
  json: boolean;
  out?: string;
  /** Overwrite an existing --out file. */
  force?: boolean;
  /** With --out: the log table and one PivotTable per report as well. */
  pivot?: boolean;
  today?: string;
}

export async function runReport(files: readonly string[], options: ReportOptions, io: Io): Promise<number> {
  const { lang } = options;
  if (options.pivot && !options.out) {
    io.err(t(cli.reportPivotNeedsOut, lang));
    return EXIT_UNREADABLE;
  }
  if (options.out && outputBlocked(options.out, Boolean(options.force), lang, io)) return EXIT_UNREADABLE;
  const logs: LogRead[] = [];
  const entries: LogEntry[] = [];
  for (const file of files) {
    const progress = progressFor(file, lang, io);
    try {
      const log = await readLog(file, { onProgress: progress.rows });
      progress.done(logRowCount(log));
      const checked = validateLog(log, { lang, today: options.today, warnings: false });
      const skipped = checked.rows - checked.entries.length;
      if (skipped > 0) io.err(t(cli.reportSkipped, lang, { file, rows: skipped }));
      for (const e of checked.entries) entries.push(e);
      logs.push(log);
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      io.err(unreadableMessage(e, lang));
      return EXIT_UNREADABLE;
    }
  }

  const lists = mergeLists(logs);
  const results = aggregate(entries, { lang, lists });
  // The 漏斗 funnel joins in when the workbooks hold imported platform data (shop-stats import).
  const funnel = funnelForFiles(files, entries);
  if (options.json) io.out(JSON.stringify(funnel ? { reports: results, funnel } : { reports: results }, null, 2));
  else if (!options.out) {
    io.out(t(cli.reportRowsUsed, lang, { rows: entries.length, files: logs.length }));
    for (const line of logs.map((l) => identityLine(l.file, l.identity, lang))) if (line) io.out(line);
    for (const id of REPORT_IDS) io.out(`\n${formatReportText(reportTable(id, results[id], lang))}`);
    if (funnel) io.out(formatFunnelText(funnel, lang));
  }
  if (!options.out) return EXIT_OK;
  const out = options.out;
  return writeFileOrFail(out, lang, io, async () => {
    const wb = buildReportWorkbook(results, lang, files.map((f) => path.basename(f)));
    if (funnel) addFunnelValuesSheet(wb, funnel, lang);
    const pivots = options.pivot ? addPivotSheets(wb, entries.map(entryValues), lang, lists) : undefined;
    await writeReportWorkbook(wb, results, lang, out, pivots);
    if (!options.json) io.out(t(cli.reportWritten, lang, { file: out }));
  });
}
