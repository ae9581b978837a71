/** What share / Make shareable did, as text in both languages (the CLI's lines and the pane's message share it). */
import { t, type Lang, type Text } from '../i18n';
import { agency as A } from '../i18n/agency';
import type { FunctionId } from '../metrics/catalog';
import type { ShareProblem } from './shareFormula';

export const SHARE_REASONS: Record<ShareProblem | 'noCachedValue', Text> = {
  arity: A.reasonArity,
  criteriaPairs: A.reasonCriteriaPairs,
  rangeMissing: A.reasonRangeMissing,
  unknownFunction: A.reasonUnknownFunction,
  syntax: A.reasonSyntax,
  tooLong: A.reasonTooLong,
  noCachedValue: A.reasonNoCachedValue,
};

export function reasonText(reason: ShareProblem | 'noCachedValue', name: string, lang: Lang): string {
  return t(SHARE_REASONS[reason], lang, { name });
}

/** "SHOP.ORDERS ×2, SHOP.ROP ×1" */
export function callsText(replaced: Partial<Record<FunctionId, number>>): string {
  return Object.entries(replaced).map(([id, n]) => `SHOP.${id} ×${n}`).join(', ');
}

/** The pane's message after Make shareable: what was rewritten, then each formula left as it was. */
export function shareableSummaryText(result: {
  formulas: number;
  replaced: Partial<Record<FunctionId, number>>;
  unconverted: ReadonlyArray<{ sheet: string; address: string; formula: string; reason: ShareProblem; name: string }>;
}): Text {
  const line = (lang: Lang) => {
    const parts = [result.formulas === 0 ? t(A.shareablePaneNothing, lang) : t(A.shareablePaneDone, lang, { formulas: result.formulas, calls: callsText(result.replaced) })];
    for (const u of result.unconverted) {
      parts.push(t(A.shareablePaneKept, lang, { where: `${u.sheet}!${u.address}`, formula: u.formula, reason: reasonText(u.reason, u.name, lang) }));
    }
    return parts.join(lang === 'zh-CN' ? '；' : '; ');
  };
  return { 'zh-CN': line('zh-CN'), 'en-US': line('en-US') };
}
