/**
 * The kit's .xlsx reader: streaming, bounded in memory, UTF-8-safe across chunk boundaries. One interface for every
 * command that reads client workbooks (check, report, merge).
 */
export { XlsxError, type XlsxProblem } from './errors';
export { openWorkbook, type OpenOptions, type WorkbookSheet, type XlsxWorkbook } from './workbook';
export type { XmlEngineFactory } from './scanner';
export type { CellValue, RowVisitor, SheetRow } from './sheet';
