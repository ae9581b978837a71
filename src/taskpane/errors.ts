/** A message for any thrown value, in the pane's language (WorkbookError carries both languages). */
import type { Lang } from '../core/schema';
import { WorkbookError } from '../core/workbook';

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof WorkbookError) return e.text[lang];
  return e instanceof Error ? e.message : String(e);
}
