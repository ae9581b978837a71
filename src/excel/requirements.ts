/**
 * Requirement-set checks, asked once before a feature is used (Office 2019 volume licence stops at ExcelApi 1.7:
 * no PivotTables, no data-validation API). Injectable so tests can play an old Excel.
 */
export type IsSetSupported = (set: string, version: string) => boolean;

export interface Capabilities {
  /** PivotTables (ExcelApi 1.8). */
  pivots: boolean;
  /** Range.dataValidation (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Conditional formats (ExcelApi 1.6). */
  conditionalFormats: boolean;
  /** Workbook settings (ExcelApi 1.4): where our marks are remembered. */
  settings: boolean;
  /** Pivot field sorting by values (ExcelApi 1.9). */
  pivotSort: boolean;
  /** Pivot field filters (ExcelApi 1.12). */
  pivotFilter: boolean;
  /** Chart series ranges (ExcelApi 1.7). */
  chartSeries: boolean;
  /** Table.resize (ExcelApi 1.13): bring a row written below the table into it. */
  tableResize: boolean;
  /** Range.findOrNullObject (ExcelApi 1.9). */
  rangeFind: boolean;
}

export function officeIsSetSupported(): IsSetSupported {
  return (set, version) => {
    try {
      return Boolean(Office.context.requirements.isSetSupported(set, version));
    } catch {
      return false;
    }
  };
}

export function capabilities(isSupported: IsSetSupported): Capabilities {
  return {
    pivots: isSupported('ExcelApi', '1.8'),
    dataValidation: isSupported('ExcelApi', '1.8'),
    conditionalFormats: isSupported('ExcelApi', '1.6'),
    settings: isSupported('ExcelApi', '1.4'),
    pivotSort: isSupported('ExcelApi', '1.9'),
    pivotFilter: isSupported('ExcelApi', '1.12'),
    chartSeries: isSupported('ExcelApi', '1.7'),
    tableResize: isSupported('ExcelApi', '1.13'),
    rangeFind: isSupported('ExcelApi', '1.9'),
  };
}

export const ALL_CAPABILITIES: Capabilities = { pivots: true, dataValidation: true, conditionalFormats: true, settings: true, pivotSort: true, pivotFilter: true, chartSeries: true, tableResize: true, rangeFind: true };
