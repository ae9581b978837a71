/** `shop-stats profile init --out 机构配置.xlsx`: the example profile workbook. */
import { t } from '../../core/i18n';
import { agency as A } from '../../core/i18n/agency';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { writeProfileExample } from '../profile/writeProfileExample';
import { EXIT_UNREADABLE, outputBlocked, writeFileOrFail } from './output';

export async function runProfileInit(out: string, lang: Lang, io: Io, force: boolean): Promise<number> {
  if (outputBlocked(out, force, lang, io)) return EXIT_UNREADABLE;
  return writeFileOrFail(out, lang, io, async () => {
    await writeProfileExample(out, lang);
    io.out(t(A.profileWritten, lang, { file: out }));
  });
}
