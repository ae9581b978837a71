/** `report --out`: one sheet per report with the aggregated values (plain values, headers in the chosen language). */
import ExcelJS from 'exceljs';
import { t } from '../core/i18n';
import { cli } from '../core/i18n/cli';
import type { ReportResults } from '../core/reports/aggregate';
import { REPORT_IDS } from '../core/reportIds';
import type { Lang } from '../core/schema';
import { reportTable } from './reportTable';
import { HEADER_FILL, TITLE_FONT } from './template/cells';

/** Excel sheet names: ≤ 31 characters, none of \ / ? * [ ] : */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`;
  taken.add(candidate);
  return candidate;
}

export function buildReportWorkbook(results: ReportResults, lang: Lang, sources: readonly string[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shop Stats';
  const taken = new Set<string>();
  for (const id of REPORT_IDS) {
    const table = reportTable(id, results[id], lang);
    const ws = wb.addWorksheet(safeSheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.getCell('A1').value = table.title;
    ws.getCell('A1').font = TITLE_FONT;
    ws.getCell('A2').value = [table.note, t(cli.reportWorkbookSource, lang, { files: sources.join(', ') })].filter(Boolean).join('  ');
    const headerRow = ws.getRow(3);
    table.headers.forEach((h, i) => {
      const c = headerRow.getCell(i + 1);
      c.value = h;
      c.font = { bold: true };
      c.fill = HEADER_FILL;
    });
    const body = table.total ? [...table.rows, table.total] : table.rows;
    body.forEach((cells, r) => {
      const row = ws.getRow(4 + r);
      cells.forEach((v, i) => {
        const c = row.getCell(i + 1);
        c.value = v;
        const format = table.formats[i];
        if (format && typeof v === 'number') c.numFmt = format;
      });
      if (table.total && r === body.length - 1) row.font = { bold: true };
    });
    table.headers.forEach((h, i) => {
      ws.getColumn(i + 1).width = i === 0 ? 16 : Math.max(10, h.length + 4);
    });
  }
  return wb;
}
