/**
 * `shop-stats collect PATH… [--store FILE]`: every client workbook under the paths into the store, read on worker
 * threads, written one workbook per transaction. Prints per client +new ~changed −removed and rows with errors;
 * an unreadable file gets one line and is skipped, and the run ends with exit 2 when there was one.
 */
import * as fs from 'fs';
import * as path from 'path';
import { todayIso } from '../../core/dates';
import { t } from '../../core/i18n';
import { store as text } from '../../core/i18n/store';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { UnreadableFileError } from '../readLog';
import { defaultThreads, readWorkbooks } from '../store/readPool';
import { fileSha256 } from '../store/workbookRows';
import { knownFileKey } from '../store/store';
import { openStoreOrFail } from './storeOutput';
import { EXIT_OK, EXIT_UNREADABLE, unreadableMessage } from './output';

export interface CollectOptions {
  lang: Lang;
  store: string;
  today?: string;
  /** Worker threads (default one per core); 0 reads on the main thread. */
  threads?: number;
  /** Test hook: runs inside each workbook's transaction, before commit. */
  beforeCommit?: (client: string) => void;
}

/** .xlsx files named directly or found under folders (sorted, Excel's ~$ lock files left out). */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(p);
    } catch {
      out.push(p); // reported as not found by the reader
      return;
    }
    if (!stat.isDirectory()) return void out.push(p);
    for (const name of fs.readdirSync(p).sort()) {
      const child = path.join(p, name);
      if (fs.statSync(child).isDirectory()) walk(child);
      else if (/\.xlsx$/i.test(name) && !name.startsWith('~$')) out.push(child);
    }
  };
  paths.forEach(walk);
  return out;
}

export async function runCollect(paths: readonly string[], options: CollectOptions, io: Io): Promise<number> {
  const { lang } = options;
  const files = expandPaths(paths);
  if (files.length === 0) {
    io.err(t(text.collectNoFiles, lang, { paths: paths.join(', ') }));
    return EXIT_UNREADABLE;
  }
  const store = await openStoreOrFail(options.store, lang, io, true);
  if (!store) return EXIT_UNREADABLE;
  let unreadable = false;
  try {
    const now = new Date();
    // The same file sent again is known by its hash and not read at all.
    const known = await store.knownFiles();
    const toRead: string[] = [];
    for (const file of files) {
      const sha = await fileSha256(file).catch(() => null);
      const client = sha === null ? undefined : known.get(knownFileKey(file, sha));
      if (client === undefined) toRead.push(file);
      else io.out(t(text.collectSame, lang, { client }));
    }
    await readWorkbooks(toRead, options.today ?? todayIso(), options.threads ?? defaultThreads(), async (r) => {
      if (!r.ok) {
        unreadable = true;
        io.err(unreadableMessage(new UnreadableFileError(r.file, r.reason, r.detail), lang));
        return;
      }
      const hook = options.beforeCommit;
      const c = await store.ingest(r.workbook, now, hook ? () => hook(r.workbook.client) : undefined);
      if (c.status === 'same') io.out(t(text.collectSame, lang, { client: c.client }));
      else io.out(t(text.collectLine, lang, { client: c.client, added: c.added, changed: c.changed, removed: c.removed, errors: c.errorRows }));
    });
    io.out(t(text.collectSummary, lang, { files: files.length, store: options.store, rows: await store.rowCount() }));
  } finally {
    store.close();
  }
  return unreadable ? EXIT_UNREADABLE : EXIT_OK;
}
