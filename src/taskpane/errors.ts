/**
 * What the pane says about a thrown value, in both languages, so a view shows it in the pane's language (and keeps
 * following a language switch). A WorkbookError carries its own text (src/core/workbook.ts, texts from
 * src/core/i18n); anything else (a failed chunk load, an Office.js error not mapped yet) gets a sentence in the
 * pane's language with the raw detail after it, never the bare English message.
 */
import { fill, type Text } from '../core/i18n';
import { ui } from '../core/i18n/ui';
import { WorkbookError } from '../core/workbook';

export function errorMessage(e: unknown): Text {
  if (e instanceof WorkbookError) return e.text;
  const detail = e instanceof Error ? e.message || e.name : String(e);
  return fill(ui.unexpectedError, { detail });
}

/** "出错了：…" / "Something went wrong: …" around the error's own text. */
export function errorNotice(e: unknown): Text {
  const message = errorMessage(e);
  return { 'zh-CN': ui.errorPrefix['zh-CN'] + message['zh-CN'], 'en-US': ui.errorPrefix['en-US'] + message['en-US'] };
}
