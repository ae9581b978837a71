/** Opening the store for a command: a missing, newer or damaged store is one line and exit 2, never a stack. */
import * as fs from 'fs';
import { t } from '../../core/i18n';
import { store as text } from '../../core/i18n/store';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { Store, StoreVersionError } from '../store/store';

export async function openStoreOrFail(file: string, lang: Lang, io: Io, create: boolean): Promise<Store | null> {
  if (!create && !fs.existsSync(file)) {
    io.err(t(text.errorStoreMissing, lang, { store: file }));
    return null;
  }
  try {
    return await Store.open(file);
  } catch (e) {
    if (e instanceof StoreVersionError) io.err(t(text.errorStoreNewer, lang, { store: file, version: e.found }));
    else io.err(t(text.errorStoreOpen, lang, { store: file, detail: e instanceof Error ? e.message.split('\n')[0] : String(e) }));
    return null;
  }
}
