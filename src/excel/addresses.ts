/** A1 addresses from 0-based indexes (the Office.js range indexes are 0-based too). */
import { columnLetter } from '../core/template';

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function rangeA1(row: number, column: number, rows: number, columns: number): string {
  return `${cellA1(row, column)}:${cellA1(row + rows - 1, column + columns - 1)}`;
}

/** A sheet-qualified address, quoting the sheet name the way Excel expects ('O''Brien'!A1). */
export function sheetA1(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Rows in a worksheet (Excel 2007 and later). */
export const SHEET_ROWS = 1_048_576;
