/**
 * An agency's branding on a client's template: the accent colour on every sheet tab, a printed page header and
 * footer (agency, client, shop, page numbers) on every sheet, and on 报表 a header band beside the reports (agency,
 * client, shop · platform) with the agency's logo under it. The band sits to the right of the report blocks so the
 * reports keep the cells the add-in and the oracle tests expect.
 */
import type ExcelJS from 'exceljs';
import { t } from '../../core/i18n';
import { agency as A } from '../../core/i18n/agency';
import type { Lang } from '../../core/schema';

export interface TemplateBrand {
  agency: string;
  client: string;
  shop?: string;
  platform?: string;
  /** RRGGBB. */
  color: string;
  /** PNG bytes of the agency's logo. */
  logo?: Buffer | null;
}

/** Text for a page header/footer: '&' starts a code there, so a literal one is doubled. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}

/** White or black text, whichever reads better on the accent colour (relative luminance). */
function textOn(color: string): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(color.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55 ? 'FF000000' : 'FFFFFFFF';
}

export function applyBranding(wb: ExcelJS.Workbook, report: ExcelJS.Worksheet, reportRight: number, brand: TemplateBrand, lang: Lang): void {
  const place = [brand.shop, brand.platform].filter((s) => s && s !== '').join(' · ');
  for (const ws of wb.worksheets) {
    ws.properties.tabColor = { argb: `FF${brand.color}` };
    ws.headerFooter.oddHeader = `&L&B${headerText(brand.agency)}&R${headerText(brand.client)}`;
    ws.headerFooter.oddFooter = `&L${headerText(place)}&R${headerText(t(A.brandPage, lang))} &P / &N`;
  }
  const col = reportRight + 2;
  report.getColumn(col).width = 30;
  const lines: Array<[string, Partial<ExcelJS.Font>]> = [
    [brand.agency, { bold: true, size: 14, color: { argb: textOn(brand.color) } }],
    [t(A.brandClient, lang, { client: brand.client }), { bold: true, size: 12, color: { argb: textOn(brand.color) } }],
    [place, { size: 10, color: { argb: textOn(brand.color) } }],
  ];
  lines.forEach(([value, font], i) => {
    const cell = report.getCell(i + 1, col);
    cell.value = value;
    cell.font = font;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${brand.color}` } };
    cell.alignment = { vertical: 'middle' };
  });
  report.getRow(1).height = 24;
  if (brand.logo) {
    const image = wb.addImage({ buffer: brand.logo, extension: 'png' } as unknown as ExcelJS.Image);
    report.addImage(image, { tl: { col: col - 1, row: 4 }, ext: { width: 160, height: 80 }, editAs: 'oneCell' } as unknown as ExcelJS.ImageRange);
  }
}
