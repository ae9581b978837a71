/**
 * The one error type of the metric functions. It carries the Excel error code the cell should show and a message in
 * both languages; the custom-function wrappers turn it into `CustomFunctions.Error`, the CLI and pane print the text.
 * Metric functions never return NaN or Infinity and never throw anything else for bad input.
 */
import { t, type Lang, type Text } from '../i18n';

export type ExcelErrorCode = '#DIV/0!' | '#NUM!' | '#VALUE!' | '#N/A';

export class MetricError extends Error {
  readonly code: ExcelErrorCode;
  readonly text: Text;

  constructor(code: ExcelErrorCode, text: Text) {
    super(`${code} ${text['en-US']}`);
    this.name = 'MetricError';
    this.code = code;
    this.text = text;
    // Keeps `instanceof` reliable whatever the compile target.
    Object.setPrototypeOf(this, MetricError.prototype);
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

/** A placeholder value: plain (same in both languages) or a Text resolved per language (e.g. a parameter's name). */
export type MessageParam = string | number | Text;

function resolve(params: Record<string, MessageParam>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'object' ? value[lang] : value;
  }
  return out;
}

/** Builds the bilingual message of an error from a template and its placeholders. */
export function message(template: Text, params: Record<string, MessageParam> = {}): Text {
  return {
    'zh-CN': t(template, 'zh-CN', resolve(params, 'zh-CN')),
    'en-US': t(template, 'en-US', resolve(params, 'en-US')),
  };
}

/** Throws a MetricError; typed `never` so callers read as guards. */
export function fail(code: ExcelErrorCode, template: Text, params: Record<string, MessageParam> = {}): never {
  throw new MetricError(code, message(template, params));
}

export function isMetricError(value: unknown): value is MetricError {
  return value instanceof MetricError;
}
