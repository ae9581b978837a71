/**
 * Data validation and highlight (conditional format) rules of one log column, queued on a range.
 * The rules come from core/template so the add-in and the CLI kit apply the same ones.
 */
import { t } from '../core/i18n';
import { workbookText } from '../core/i18n/workbook';
import type { ColumnKey, Lang } from '../core/schema';
import { HIGHLIGHT_FILL, HIGHLIGHT_FONT, columnValidation, highlightRules, type ValidationRule } from '../core/template';
import type { Capabilities } from './requirements';

function alert(rule: ValidationRule, lang: Lang): Excel.DataValidationErrorAlert {
  switch (rule.kind) {
    case 'list':
      // Product and agent: free text allowed — a warning the user may dismiss, not a stop.
      return {
        style: rule.strict ? 'Stop' : 'Warning', showAlert: true,
        title: t(workbookText.dvListTitle, lang), message: t(rule.strict ? workbookText.dvListBody : workbookText.dvOwnListBody, lang),
      };
    case 'wholeNumber':
      return { style: 'Stop', showAlert: true, title: t(workbookText.dvNumberTitle, lang), message: t(workbookText.dvWholeBody, lang) };
    case 'decimal':
      return { style: 'Stop', showAlert: true, title: t(workbookText.dvNumberTitle, lang), message: t(workbookText.dvDecimalBody, lang) };
    case 'dateNotAfterToday':
      return { style: 'Stop', showAlert: true, title: t(workbookText.dvDateTitle, lang), message: t(workbookText.dvDateBody, lang) };
    case 'textLength':
      return { style: 'Stop', showAlert: true, title: t(workbookText.dvTextTitle, lang), message: t(workbookText.dvTextBody, lang, { max: rule.max }) };
  }
}

export function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.source } };
    case 'wholeNumber':
      return { wholeNumber: { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } };
    case 'decimal':
      return { decimal: { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } };
    case 'dateNotAfterToday':
      return { date: { formula1: '=TODAY()', operator: 'LessThanOrEqualTo' } };
    case 'textLength':
      return { textLength: { formula1: rule.max, operator: 'LessThanOrEqualTo' } };
  }
}

/**
 * Queue validation and highlight rules for a column's cells. `ref(key)` gives the first data row's cell of any
 * log column with an absolute column and relative row (e.g. "$K2").
 */
export function queueColumnRules(range: Excel.Range, key: ColumnKey, lang: Lang, ref: (key: ColumnKey) => string, caps: Capabilities): void {
  const rule = columnValidation(key);
  if (rule && caps.dataValidation) {
    range.dataValidation.clear();
    range.dataValidation.rule = validationRule(rule);
    range.dataValidation.errorAlert = alert(rule, lang);
  }
  if (!caps.conditionalFormats) return;
  for (const h of highlightRules(ref)) {
    if (h.key !== key) continue;
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = h.formula;
    cf.custom.format.fill.color = HIGHLIGHT_FILL;
    cf.custom.format.font.color = HIGHLIGHT_FONT;
  }
}
