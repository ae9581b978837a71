/**
 * `shop-stats share IN.xlsx --out OUT.xlsx [--values]`: a copy of a workbook without SHOP.* formulas, for people
 * without the add-in. Exit 0 when every SHOP formula was rewritten (or frozen), 1 when some could not be (each is
 * listed and left as it was, never dropped), 2 when IN cannot be read or OUT cannot be written.
 */
import * as fs from 'fs';
import { t } from '../../core/i18n';
import { callsText, reasonText } from '../../core/share/shareSummary';
import { agency } from '../../core/i18n/agency';
import { cli } from '../../core/i18n/cli';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { NotAWorkbookError, shareWorkbook, type ShareSummary, type Unconverted } from '../share/shareWorkbook';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, outputBlocked } from './output';

export interface ShareOptions {
  lang: Lang;
  out: string;
  values: boolean;
  force: boolean;
  json: boolean;
}

export function unconvertedLine(u: Unconverted, lang: Lang): string {
  const part = u.part === 'definedName' ? t(agency.definedName, lang) : u.part.replace(/^xl\/worksheets\//, '');
  const formula = u.formula.length > 80 ? `${u.formula.slice(0, 77)}…` : u.formula;
  return t(agency.shareUnconverted, lang, { part, where: u.where, reason: reasonText(u.reason, u.name, lang), formula: `=${formula}` });
}

/** Formulas that could not be converted; a --values cell with no saved result was converted instead, so it is not one. */
function failures(summary: ShareSummary): Unconverted[] {
  return summary.unconverted.filter((u) => u.reason !== 'noCachedValue');
}

export async function runShare(input: string, options: ShareOptions, io: Io): Promise<number> {
  const { lang, out } = options;
  if (!fs.existsSync(input)) {
    io.err(t(cli.errorNotFound, lang, { file: input, detail: '' }));
    return EXIT_UNREADABLE;
  }
  if (outputBlocked(out, options.force, lang, io)) return EXIT_UNREADABLE;
  let summary: ShareSummary;
  try {
    summary = shareWorkbook(input, out, { values: options.values });
  } catch (e) {
    if (e instanceof NotAWorkbookError) {
      io.err(t(agency.errorNotXlsx, lang, { file: input }));
      return EXIT_UNREADABLE;
    }
    const detail = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message.split('\n')[0]) : String(e);
    io.err(t(cli.errorWrite, lang, { file: out, detail }));
    return EXIT_UNREADABLE;
  }
  const failed = failures(summary);
  if (options.json) {
    io.out(JSON.stringify({ out, formulas: summary.formulas, frozen: summary.frozen, replaced: summary.replaced, unconverted: summary.unconverted }, null, 2));
  } else {
    const calls = callsText(summary.replaced);
    io.out(summary.formulas === 0 && failed.length === 0 ? t(agency.shareNothing, lang, { file: out }) : t(agency.shareSummary, lang, { formulas: summary.formulas, calls, file: out }));
    if (summary.frozen > 0) io.out(t(agency.shareFrozen, lang, { n: summary.frozen }));
    for (const u of summary.unconverted) io.err(unconvertedLine(u, lang));
    if (failed.length > 0) io.err(t(agency.shareUnconvertedCount, lang, { n: failed.length }));
  }
  return failed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
