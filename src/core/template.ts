/**
 * The template's rules as data, shared by the Office.js writer (src/excel) and the .xlsx writer (src/cli):
 * data validation per column and the conditional formats that flag cross-field rules.
 */
import { COLUMNS, FOLLOW_UP_PENDING, LISTS, NO, YES, type ColumnKey } from './schema';

export type ValidationRule =
  | { kind: 'list'; /** '=List_Agent' */ source: string; /** false for product: free text allowed with a warning */ strict: boolean }
  | { kind: 'wholeNumber'; min: number }
  | { kind: 'decimal'; min: number }
  | { kind: 'dateNotAfterToday' }
  | { kind: 'textLength'; max: number };

export function columnValidation(key: ColumnKey): ValidationRule | null {
  const def = COLUMNS.find((c) => c.key === key);
  if (!def) return null;
  switch (def.type) {
    case 'list':
      return { kind: 'list', source: `=${LISTS[def.list!].rangeName}`, strict: !def.freeTextAllowed };
    case 'int':
      return { kind: 'wholeNumber', min: 0 };
    case 'decimal':
      return { kind: 'decimal', min: 0 };
    case 'date':
      return key === 'date' ? { kind: 'dateNotAfterToday' } : null;
    case 'text':
      return def.maxLength ? { kind: 'textLength', max: def.maxLength } : null;
    default:
      return null;
  }
}

export interface HighlightRule {
  /** The column whose cells are highlighted. */
  key: ColumnKey;
  /** Why (also the rule's id). */
  id: string;
  /** Formula relative to the first data row, built from `ref` (e.g. key → "$K2"). */
  formula: string;
}

/** Fill colour for flagged cells (light red, readable in light and dark themes). */
export const HIGHLIGHT_FILL = '#FFC7CE';
export const HIGHLIGHT_FONT = '#9C0006';

/**
 * Conditional-format rules for the cross-field rules of DESIGN.md. `ref(key)` returns the first data row's cell
 * with an absolute column and relative row (e.g. "$K2"), so the rule applies row by row.
 */
export function highlightRules(ref: (key: ColumnKey) => string): HighlightRule[] {
  const deal = ref('deal');
  const yes = `${deal}="${YES}"`;
  const no = `${deal}="${NO}"`;
  const blank = (k: ColumnKey) => `LEN(${ref(k)})=0`;
  return [
    { key: 'date', id: 'futureDate', formula: `=AND(ISNUMBER(${ref('date')}),${ref('date')}>TODAY())` },
    { key: 'quantity', id: 'dealNeedsQuantity', formula: `=AND(${yes},N(${ref('quantity')})<=0)` },
    { key: 'amount', id: 'dealNeedsAmount', formula: `=AND(${yes},N(${ref('amount')})<=0)` },
    { key: 'amount', id: 'noDealHasAmount', formula: `=AND(${no},N(${ref('amount')})>0)` },
    { key: 'dealType', id: 'dealNeedsType', formula: `=AND(${yes},${blank('dealType')})` },
    { key: 'dealType', id: 'noDealHasType', formula: `=AND(${no},NOT(${blank('dealType')}))` },
    { key: 'noDealReason', id: 'noDealNeedsReason', formula: `=AND(${no},${blank('noDealReason')})` },
    { key: 'noDealReason', id: 'dealHasReason', formula: `=AND(${yes},NOT(${blank('noDealReason')}))` },
    { key: 'followUp', id: 'noDealNeedsFollowUp', formula: `=AND(${no},${blank('followUp')})` },
    {
      key: 'nextFollowUp',
      id: 'pendingNeedsNextDate',
      formula: `=AND(${ref('followUp')}="${FOLLOW_UP_PENDING}",OR(${blank('nextFollowUp')},N(${ref('nextFollowUp')})<N(${ref('date')})))`,
    },
  ];
}

/** 0-based column index → Excel column letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
