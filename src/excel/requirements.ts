/**
 * Requirement-set checks, asked once before a feature is used. Injectable so tests can play another Excel.
 *
 * Which hosts get here at all: manifest.xml requires SharedRuntime 1.1, which only Excel on the web, Microsoft 365 /
 * retail Excel on Windows (Version 2002+), volume-licensed Excel 2021+ and Excel on Mac (16.35+) provide; not iPad,
 * not Excel 2016/2019 volume-licensed (learn.microsoft.com/javascript/api/requirement-sets/common/
 * shared-runtime-requirement-sets). All of them have ExcelApi 1.9 or later, so `pivots`, `dataValidation`,
 * `conditionalFormats`, `settings`, `chartSeries` and `pivotSort` are always true where the add-in installs: their
 * checks are guards, not a supported fallback. ExcelApi 1.12 (`pivotFilter`) came after the first shared-runtime
 * builds, so that check is real.
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
