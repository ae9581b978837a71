/**
 * `shop-stats mask IN.xlsx --out OUT.xlsx`: personal data in the log's free-text columns masked with core's
 * maskPersonalData, with a count per column and kind. Exit 0 (masked or nothing to mask), 2 when IN cannot be read
 * or OUT cannot be written. IN is never changed.
 */
import { t } from '../../core/i18n';
import { agency } from '../../core/i18n/agency';
import { maskCountLines } from '../../core/mask/maskSummary';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { maskWorkbook, type MaskSummary } from '../mask/maskWorkbook';
import { UnreadableFileError } from '../readLog';
import { EXIT_OK, EXIT_UNREADABLE, outputBlocked, unreadableMessage, writeFileOrFail } from './output';

export interface MaskOptions {
  lang: Lang;
  out: string;
  force: boolean;
  json: boolean;
}

export async function runMask(input: string, options: MaskOptions, io: Io): Promise<number> {
  const { lang, out } = options;
  if (outputBlocked(out, options.force, lang, io)) return EXIT_UNREADABLE;
  let summary: MaskSummary | undefined;
  let unreadable: UnreadableFileError | undefined;
  const code = await writeFileOrFail(out, lang, io, async () => {
    try {
      summary = await maskWorkbook(input, out);
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      unreadable = e;
    }
  });
  if (unreadable) {
    io.err(unreadableMessage(unreadable, lang));
    return EXIT_UNREADABLE;
  }
  if (code !== EXIT_OK || !summary) return code;
  if (options.json) io.out(JSON.stringify({ out, cells: summary.cells, counts: summary.counts }, null, 2));
  else if (summary.cells === 0) io.out(t(agency.maskNothing, lang, { file: out }));
  else {
    io.out(t(agency.maskSummary, lang, { cells: summary.cells, file: out }));
    for (const line of maskCountLines(summary.counts, lang)) io.out(`  ${line}`);
  }
  return EXIT_OK;
}
