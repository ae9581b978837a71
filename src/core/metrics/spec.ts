/**
 * The shape of the function catalog: everything a person sees about a SHOP.* function, in both languages. Each
 * family file keeps its entries beside its code; catalog.ts lists them in order. The build (functions.zh-cn.json),
 * the JSDoc contract test and the help page all read this one source.
 */
import type { Text } from '../i18n';

/** Help pages live with the product documentation; one anchor per function (lower-case id). */
export const HELP_BASE_URL = 'https://shopstats.example.com/help/functions';

export type Family = 'conversion' | 'marketing' | 'dealRate' | 'stock';

export interface ParamSpec {
  /** The parameter's name as Excel shows it and as functions.ts spells it (snake_case, like Excel's own). */
  name: string;
  /** What the parameter is, for messages: 「访客数」 / visitors. */
  label: Text;
  /** The tooltip text in Excel's formula helper. */
  description: Text;
  optional?: boolean;
  /** Excel repeats the parameter (criteria pairs of DEAL_RATE). */
  repeating?: boolean;
}

export interface FunctionSpec {
  /** ASCII id, also the English display name (=SHOP.CVR). */
  id: string;
  /** The exported camelCase name in src/functions/functions.ts. */
  jsName: string;
  family: Family;
  /** Display name: Chinese in Chinese Excel; English is the id. */
  name: Text;
  /** One-line description shown in Excel's formula helper. */
  description: Text;
  /** Longer help: the definition and its basis (生意参谋 / 千牛 person-based counts), edge cases. */
  basis: Text;
  params: ParamSpec[];
  /** A formula that shows typical use, with its result, for the help page. */
  example: string;
}

export function helpUrl(id: string): string {
  return `${HELP_BASE_URL}#${id.toLowerCase()}`;
}

export function text(zh: string, en: string): Text {
  return { 'zh-CN': zh, 'en-US': en };
}
