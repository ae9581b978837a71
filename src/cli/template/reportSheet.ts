import type ExcelJS from 'exceljs';
import { REPORT_SHEET, type Lang } from '../../core/schema';

export function addReportSheet(wb: ExcelJS.Workbook, lang: Lang): ExcelJS.Worksheet {
  void lang;
  return wb.addWorksheet(REPORT_SHEET);
}
