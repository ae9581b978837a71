/**
 * `shop-stats merge FILE.xlsx… --out MERGED.xlsx`: every client's log rows, exactly as typed (valid or not, so
 * nothing is lost), in one fresh template with an extra 来源/Source column naming the file each row came from.
 * The 字典 lists are the union of the clients' lists, so every merged value stays selectable.
 */
import * as path from 'path';
import { t } from '../../core/i18n';
import { cli } from '../../core/i18n/cli';
import { INPUT_KEYS, LIST_KEYS, defaultListValues, header, isCalcKey, type Lang, type ListValues } from '../../core/schema';
import type { Io } from '../io';
import { logRowCount, readLog, UnreadableFileError, type LogRead } from '../readLog';
import { writeTemplate, type TemplateSpec } from '../template/buildTemplate';
import type { RowValues } from '../template/cells';
import { EXIT_UNREADABLE, outputBlocked, progressFor, unreadableMessage, writeFileOrFail } from './output';

export async function runMerge(files: readonly string[], out: string, lang: Lang, io: Io, force = false): Promise<number> {
  if (outputBlocked(out, force, lang, io)) return EXIT_UNREADABLE;
  const logs: LogRead[] = [];
  let unreadable = false;
  for (const file of files) {
    const progress = progressFor(file, lang, io);
    try {
      const log = await readLog(file, { onProgress: progress.rows });
      progress.done(logRowCount(log));
      warnMissingColumns(log, lang, io);
      logs.push(log);
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      io.err(unreadableMessage(e, lang));
      unreadable = true;
    }
  }
  // Nothing is written from a partial set: a merge silently missing a client would be worse than none.
  if (unreadable) return EXIT_UNREADABLE;

  const spec = mergedTemplate(logs, lang);
  return writeFileOrFail(out, lang, io, async () => {
    // Above STREAM_ROWS_ABOVE rows writeTemplate streams the rows into the file (bounded memory).
    await writeTemplate(out, spec);
    io.out(t(cli.mergeWritten, lang, { files: logs.length, rows: spec.rawRows?.length ?? 0, file: out }));
  });
}

/** The merged workbook: the rows as typed, the union of the clients' lists, and the source column. */
export function mergedTemplate(logs: readonly LogRead[], lang: Lang): TemplateSpec {
  const { rows, sources } = mergeRows(logs);
  return {
    lang,
    rawRows: rows,
    lists: mergeLists(logs),
    extraColumns: [{ header: t(cli.sourceColumn, lang), values: sources, width: 20 }],
  };
}

/** A client's log without some template columns merges with those cells empty: say so, naming the columns. */
function warnMissingColumns(log: LogRead, lang: Lang, io: Io): void {
  const missing = (log.sheets[0]?.missing ?? []).filter((k) => !isCalcKey(k));
  if (missing.length === 0) return;
  const columns = missing.map((k) => header(k, lang)).join(lang === 'zh-CN' ? '、' : ', ');
  io.err(t(cli.mergeMissingColumns, lang, { file: log.file, columns }));
}

/** The source of a merged row: the file, and the sheet when the file has several log sheets (client.xlsx:二月). */
export function rowSource(file: string, sheet: string, manySheets: boolean): string {
  const name = path.basename(file);
  return manySheets ? `${name}:${sheet}` : name;
}

export function mergeRows(logs: readonly LogRead[]): { rows: RowValues[]; sources: string[] } {
  const rows: RowValues[] = [];
  const sources: string[] = [];
  for (const log of logs) {
    for (const sheet of log.sheets) {
      const source = rowSource(log.file, sheet.name, log.sheets.length > 1);
      for (const r of sheet.rows) {
        const values: RowValues = {};
        for (const key of INPUT_KEYS) {
          const p = sheet.positions[key];
          values[key] = p === undefined ? null : r.cells[p] ?? null;
        }
        rows.push(values);
        sources.push(source);
      }
    }
  }
  return { rows, sources };
}

export function mergeLists(logs: readonly LogRead[]): ListValues {
  const merged = defaultListValues();
  const seen = {} as Record<keyof ListValues, Set<string>>;
  for (const k of LIST_KEYS) seen[k] = new Set(merged[k]);
  for (const log of logs) {
    if (!log.lists) continue;
    for (const k of LIST_KEYS) {
      for (const v of log.lists[k]) {
        if (!seen[k].has(v)) {
          seen[k].add(v);
          merged[k].push(v);
        }
      }
    }
  }
  return merged;
}
