/**
 * An agency's branding on the kit's workbooks: the accent colour on every sheet tab, a printed page header and
 * footer (agency, client, shop, page numbers) on every sheet, and on one sheet a header band (agency, client, shop ·
 * platform) with the agency's logo under it. The band sits to the right of the sheet's content, so the content keeps
 * the cells the add-in and the tests expect. Used by the client templates (exceljs, band on 报表) and by the period
 * and overview reports (excelts, band beside the charts): both libraries share the small surface typed below.
 */
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

/** What a branded sheet shows besides the agency: the band's second and third lines and the header's right part. */
export interface BrandTitle {
  /** Second band line ("客户：杭州女装", or the overview's title). */
  title: string;
  /** Third band line and the footer's left part (shop · platform); '' for none. */
  place: string;
  /** Right part of the printed page header (the client). */
  headerRight: string;
}

interface Argb {
  argb?: string;
}

/** The part of an exceljs / excelts workbook that branding writes (their APIs agree on it). */
export interface BrandableSheet {
  properties: { tabColor?: Argb };
  headerFooter: { oddHeader?: string | null; oddFooter?: string | null };
  getColumn(c: number): { width?: number };
  getRow(r: number): { height?: number };
  getCell(r: number, c: number): {
    value: unknown;
    font: { bold?: boolean; size?: number; color?: Argb } | undefined;
    fill: unknown;
    alignment: unknown;
  };
  addImage(imageId: number, range: { tl: { col: number; row: number }; ext: { width: number; height: number }; editAs?: 'oneCell' }): void;
}

export interface BrandableWorkbook<S extends BrandableSheet> {
  worksheets: S[];
  // exceljs types the bytes as ArrayBuffer, excelts as Uint8Array; both take a Node Buffer (a Uint8Array).
  addImage(image: { buffer?: ArrayBuffer | Uint8Array; extension: string }): number;
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

/** A client's title lines: "客户：X", its shop · platform, X in the page header. */
export function clientTitle(brand: Pick<TemplateBrand, 'client' | 'shop' | 'platform'>, lang: Lang): BrandTitle {
  return {
    title: t(A.brandClient, lang, { client: brand.client }),
    place: [brand.shop, brand.platform].filter((s) => s && s !== '').join(' · '),
    headerRight: brand.client,
  };
}

/**
 * Brands every sheet of `wb` and puts the band on `bandSheet`, one empty column after `right` (the last column of
 * the sheet's content, 1-based).
 */
export function applyBranding<S extends BrandableSheet>(
  wb: BrandableWorkbook<S>,
  bandSheet: S,
  right: number,
  brand: Pick<TemplateBrand, 'agency' | 'color' | 'logo'>,
  title: BrandTitle,
  lang: Lang,
): void {
  for (const ws of wb.worksheets) {
    ws.properties.tabColor = { argb: `FF${brand.color}` };
    ws.headerFooter.oddHeader = `&L&B${headerText(brand.agency)}&R${headerText(title.headerRight)}`;
    ws.headerFooter.oddFooter = `&L${headerText(title.place)}&R${headerText(t(A.brandPage, lang))} &P / &N`;
  }
  const col = right + 2;
  bandSheet.getColumn(col).width = 30;
  const lines: Array<[string, { bold?: boolean; size: number; color: Argb }]> = [
    [brand.agency, { bold: true, size: 14, color: { argb: textOn(brand.color) } }],
    [title.title, { bold: true, size: 12, color: { argb: textOn(brand.color) } }],
    [title.place, { size: 10, color: { argb: textOn(brand.color) } }],
  ];
  lines.forEach(([value, font], i) => {
    const cell = bandSheet.getCell(i + 1, col);
    cell.value = value;
    cell.font = font;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${brand.color}` } };
    cell.alignment = { vertical: 'middle' };
  });
  bandSheet.getRow(1).height = 24;
  if (brand.logo) {
    const image = wb.addImage({ buffer: brand.logo, extension: 'png' });
    bandSheet.addImage(image, { tl: { col: col - 1, row: 4 }, ext: { width: 160, height: 80 }, editAs: 'oneCell' });
  }
}
