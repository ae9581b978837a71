/**
 * From core's MetricError to Excel's error value. Kept apart from functions.ts so the generator sees only the
 * functions there. The `CustomFunctions` global exists in Excel's runtime (and in the jest stub); there are no
 * published typings for it in this project, so the small part used is declared here.
 */
import { DEFAULT_LANG, langFromLocale, t, type Lang } from '../core/i18n';
import { functionsText } from '../core/i18n/functions';
import { isMetricError, type ExcelErrorCode } from '../core/metrics';

type ErrorCodeName = 'divisionByZero' | 'invalidNumber' | 'invalidValue' | 'notAvailable';

declare const CustomFunctions: {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<ErrorCodeName, string>;
};

const CODE_NAMES: Record<ExcelErrorCode, ErrorCodeName> = {
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
};

/**
 * The language of error messages: Excel's display language when Office is loaded (zh-CN unless English), else the
 * product default. Custom functions can run before Office.onReady or in a runtime without Office, hence the guards.
 */
export function errorLanguage(): Lang {
  try {
    if (typeof Office === 'undefined' || !Office.context) return DEFAULT_LANG;
    return langFromLocale(Office.context.displayLanguage);
  } catch {
    return DEFAULT_LANG;
  }
}

/** Any failure becomes a CustomFunctions.Error; a bug (not a MetricError) shows as #VALUE! with its text. */
export function toCustomFunctionsError(err: unknown, lang: Lang): Error {
  if (isMetricError(err)) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[CODE_NAMES[err.code]], err.messageIn(lang));
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, t(functionsText.unexpected, lang, { detail }));
}
