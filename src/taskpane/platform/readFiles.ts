/**
 * Files picked in the pane → recognised exports or one-line problems. The reader (SheetJS) is loaded only when the
 * user picks files, so it never weighs on the pane's first paint.
 */
import { t } from '../../core/i18n';
import type { ParsedExport } from '../../core/platform/parse';
import type { Lang } from '../../core/schema';

export interface PickedFile {
  name: string;
  parsed: ParsedExport | null;
  problem: string | null;
}

export async function readPickedFiles(files: readonly File[], lang: Lang, date?: string): Promise<PickedFile[]> {
  const { readExport } = await import(/* webpackChunkName: "platform-reader" */ '../../core/platform/readExport');
  const { PlatformImportError } = await import(/* webpackChunkName: "platform-reader" */ '../../core/platform/parse');
  const out: PickedFile[] = [];
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      out.push({ name: file.name, parsed: readExport(bytes, { file: file.name, date: date || undefined }), problem: null });
    } catch (e) {
      out.push({ name: file.name, parsed: null, problem: e instanceof PlatformImportError ? t(e.text, lang) : `${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return out;
}
