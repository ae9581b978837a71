/** Shared command plumbing: one-line messages for unreadable input and unwritable output (exit 2, no stack). */
import * as fs from 'fs';
import { t } from '../../core/i18n';
import { cli } from '../../core/i18n/cli';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { UnreadableFileError } from '../readLog';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_UNREADABLE = 2;

export function unreadableMessage(e: UnreadableFileError, lang: Lang): string {
  const params = { file: e.file, detail: e.detail };
  switch (e.reason) {
    case 'notFound':
      return t(cli.errorNotFound, lang, params);
    case 'unreadable':
      return t(cli.errorUnreadable, lang, params);
    case 'noLog':
      return t(cli.errorNoLog, lang, params);
    case 'ambiguousSheets':
      return t(cli.errorAmbiguousSheets, lang, params);
    case 'duplicateColumns':
      return t(cli.errorDuplicateColumns, lang, params);
    case 'xls':
      return t(cli.errorXls, lang, params);
    case 'ods':
      return t(cli.errorOds, lang, params);
    case 'encrypted':
      return t(cli.errorEncrypted, lang, params);
    case 'text':
      return t(cli.errorText, lang, params);
    case 'empty':
      return t(cli.errorEmpty, lang, params);
    case 'unknown':
      return t(cli.errorUnknownKind, lang, params);
    case 'damaged':
      return t(e.detail ? cli.errorDamagedPart : cli.errorDamaged, lang, params);
  }
}

/**
 * An output path that already exists is refused unless --force: a client's filled-in workbook must never be
 * replaced by a blank template or a merge by one mistyped argument.
 */
export function outputBlocked(file: string, force: boolean, lang: Lang, io: Io): boolean {
  if (force || !fs.existsSync(file)) return false;
  io.err(t(cli.errorExists, lang, { file }));
  return true;
}

export async function writeFileOrFail(file: string, lang: Lang, io: Io, write: () => Promise<void>): Promise<number> {
  try {
    await write();
    return EXIT_OK;
  } catch (e) {
    const detail = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message.split('\n')[0]) : String(e);
    io.err(t(cli.errorWrite, lang, { file, detail }));
    return EXIT_UNREADABLE;
  }
}

/** Progress reporter for a file: lines, never spinners, and only when io.progress. */
export function progressFor(file: string, lang: Lang, io: Io): { rows(n: number): void; done(n: number): void } {
  const started = Date.now();
  if (io.progress) io.err(t(cli.progressReading, lang, { file }));
  return {
    rows: (n) => {
      if (io.progress) io.err(t(cli.progressRows, lang, { file, rows: n }));
    },
    done: (n) => {
      if (io.progress) io.err(t(cli.progressDone, lang, { file, rows: n, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    },
  };
}
