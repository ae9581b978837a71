/** What masking found, as text in both languages (CLI lines and the pane's message share it). */
import { t, type Lang, type Text } from '../i18n';
import { agency as A } from '../i18n/agency';
import { header, type ColumnKey } from '../schema';
import type { PersonalDataKind } from '../validation/personalData';
import type { MaskCounts } from './maskColumns';

const KIND_TEXT: Record<PersonalDataKind, Text> = {
  mobile: A.kindMobile,
  landline: A.kindLandline,
  idCard: A.kindIdCard,
  email: A.kindEmail,
  address: A.kindAddress,
};

/** One entry per column: 「备注：手机号 3，邮箱 1」. */
export function maskCountLines(counts: MaskCounts, lang: Lang): string[] {
  const sep = lang === 'zh-CN' ? '，' : ', ';
  return (Object.entries(counts) as [ColumnKey, Partial<Record<PersonalDataKind, number>>][]).map(([key, kinds]) =>
    t(A.maskColumnLine, lang, {
      column: header(key, lang),
      kinds: (Object.entries(kinds) as [PersonalDataKind, number][]).map(([k, n]) => `${t(KIND_TEXT[k], lang)} ${n}`).join(sep),
    }).trim(),
  );
}

/** The pane's message after masking: how many cells, then the counts per column and kind. */
export function maskSummaryText(cells: number, counts: MaskCounts): Text {
  const line = (lang: Lang) => [t(A.maskPaneDone, lang, { cells }), ...maskCountLines(counts, lang)].join(lang === 'zh-CN' ? '；' : '; ');
  return { 'zh-CN': line('zh-CN'), 'en-US': line('en-US') };
}
