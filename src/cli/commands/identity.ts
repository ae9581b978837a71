/** The identity stamp of a workbook as one line (check and report show whose workbook it is). */
import { t } from '../../core/i18n';
import { agency as A } from '../../core/i18n/agency';
import type { Lang, TemplateIdentity } from '../../core/schema';

/** Null when the workbook names no agency or client (a plain template or a user's own log). */
export function identityLine(file: string, identity: TemplateIdentity | null, lang: Lang): string | null {
  if (!identity || (identity.agency === null && identity.client === null)) return null;
  return t(A.identityLine, lang, { file, agency: identity.agency ?? '—', client: identity.client ?? '—', version: identity.version ?? '?' });
}
