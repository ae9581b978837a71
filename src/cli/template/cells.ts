/** Small helpers shared by the template sheets: cell values for LogEntry fields, styles, names. */
import type ExcelJS from 'exceljs';
import { isoToSerial } from '../../core/dates';
import { INPUT_KEYS, calcValue, isCalcKey, type CalcKey, type InputKey, type LogEntry } from '../../core/schema';

/** Header fill of the template's own (non-table) header cells. */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 13 };

/** ARGB from '#RRGGBB'. */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** One log row as sheet values by column key: dates as serial numbers, empty as null. */
export type RowValues = Partial<Record<InputKey, string | number | boolean | null>>;

/** A canonical entry as sheet values (dates as serials, so no time zone can shift them). */
export function entryValues(entry: LogEntry): RowValues {
  const out: RowValues = {};
  for (const key of INPUT_KEYS) {
    const v = entry[key];
    if (v === null || v === undefined || v === '') out[key] = null;
    else if (key === 'date' || key === 'nextFollowUp') out[key] = isoToSerial(String(v));
    else out[key] = v;
  }
  return out;
}

/** The value a calculated column computes for a row, stored as the cell's cached result. */
export function calcResult(row: RowValues | null, key: CalcKey): number | string {
  return calcValue(key, (k) => (row && !isCalcKey(k) ? row[k as InputKey] : null));
}

interface NameModel {
  name: string;
  ranges: string[];
}
const formulaNames = new WeakMap<ExcelJS.Workbook, NameModel[]>();

/**
 * Workbook names whose value is a formula. exceljs keeps names as cell matrices and silently drops anything that
 * is not a plain range, so formula names are appended to the workbook model at write time (this instance only).
 */
export function addFormulaName(wb: ExcelJS.Workbook, name: string, formula: string): void {
  let extra = formulaNames.get(wb);
  if (!extra) {
    extra = [];
    formulaNames.set(wb, extra);
    const list = extra;
    const proto = Object.getPrototypeOf(wb) as object;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'model');
    if (!descriptor?.get || !descriptor.set) throw new Error('exceljs Workbook.model accessor not found');
    const { get, set } = descriptor;
    Object.defineProperty(wb, 'model', {
      configurable: true,
      get() {
        const model = get.call(this) as { definedNames: NameModel[] };
        model.definedNames = [...model.definedNames, ...list];
        return model;
      },
      set(value: unknown) {
        set.call(this, value);
      },
    });
  }
  extra.push({ name, ranges: [formula.replace(/^=/, '')] });
}

/** Sheet name quoted for use in a formula ('字典'!$A$2). */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}
