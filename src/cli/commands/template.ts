/** `shop-stats template --out FILE.xlsx`: write the blank template. */
import { t } from '../../core/i18n';
import { cli } from '../../core/i18n/cli';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { writeTemplate } from '../template/buildTemplate';
import { EXIT_UNREADABLE, outputBlocked, writeFileOrFail } from './output';

export async function runTemplate(out: string, lang: Lang, io: Io, force = false): Promise<number> {
  if (outputBlocked(out, force, lang, io)) return EXIT_UNREADABLE;
  return writeFileOrFail(out, lang, io, async () => {
    await writeTemplate(out, { lang });
    io.out(t(cli.templateWritten, lang, { file: out }));
  });
}
