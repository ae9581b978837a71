/**
 * Charts for the kit's 报表 sheet, added to the package exceljs wrote (exceljs 4.4 writes no charts): one DrawingML
 * chart part per report that names a chart (core ChartSpec: kind, placement, category and series ranges), anchored
 * in the sheet's drawing (the one holding the agency logo when there is one). The series point at the live formula
 * cells, so the charts follow the log in Excel, WPS and LibreOffice.
 *
 * Why not a library: @cj-tech-master/excelts writes charts but replaces exceljs for the whole workbook, and the
 * template depends on our exceljs table-formula extension (tableColumnFormula.ts); the chart parts below are the
 * small, documented subset (ECMA-376 Part 1, §21.2 DrawingML Charts) that Excel, WPS and LibreOffice all read.
 */
import * as path from 'path';
import { strFromU8, strToU8 } from 'fflate';
import type { CellRange, ChartSpec, ReportBlock } from '../../core/reports/formulaLayout';
import { columnLetter } from '../../core/template';
import { escapeXml, unescapeXml } from '../package/xmlText';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_CHART = `${NS_R}/chart`;
const REL_DRAWING = `${NS_R}/drawing`;
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** Series colours: the template's blue and orange, then neutral tones. */
const COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E'];

export interface ReportChart {
  title: string;
  spec: ChartSpec;
  /** Daily trend: the categories are dates (numbers), shown as dates. */
  dates: boolean;
}

export function reportCharts(blocks: readonly ReportBlock[]): ReportChart[] {
  return blocks
    .filter((b): b is ReportBlock & { chart: ChartSpec } => b.chart !== undefined && b.chart.series.length > 0)
    .map((b) => ({ title: String(b.cells.find((c) => c.style === 'title')?.value ?? b.id), spec: b.chart, dates: b.id === 'daily' }));
}

function ref(sheet: string, r: CellRange): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const a = (row: number, col: number) => `$${columnLetter(col - 1)}$${row}`;
  return escapeXml(r.top === r.bottom && r.left === r.right ? `${q}!${a(r.top, r.left)}` : `${q}!${a(r.top, r.left)}:${a(r.bottom, r.right)}`);
}

function seriesXml(sheet: string, chart: ReportChart, i: number, line: boolean): string {
  const s = chart.spec.series[i];
  const color = COLORS[i % COLORS.length];
  const fill = line
    ? `<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  const cat = chart.dates
    ? `<c:cat><c:numRef><c:f>${ref(sheet, chart.spec.categories)}</c:f></c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${ref(sheet, chart.spec.categories)}</c:f></c:strRef></c:cat>`;
  const name = ref(sheet, { top: s.nameCell.row, left: s.nameCell.col, bottom: s.nameCell.row, right: s.nameCell.col });
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${name}</c:f></c:strRef></c:tx>${fill}` +
    `${cat}<c:val><c:numRef><c:f>${ref(sheet, s.values)}</c:f></c:numRef></c:val>${line ? '<c:smooth val="0"/>' : ''}</c:ser>`
  );
}

/** The chart part's XML. */
export function chartXml(sheet: string, chart: ReportChart): string {
  const { kind } = chart.spec;
  const line = kind === 'line';
  const bar = kind === 'bar';
  const series = chart.spec.series.map((_s, i) => seriesXml(sheet, chart, i, line)).join('');
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`
    : `<c:barChart><c:barDir val="${bar ? 'bar' : 'col'}"/><c:grouping val="${kind === 'stackedColumn' ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="80"/>${kind === 'stackedColumn' ? '<c:overlap val="100"/>' : ''}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>`;
  // Bar charts list the first category at the top, as the report table does.
  const catAx =
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? 'l' : 'b'}"/>${chart.dates ? '<c:numFmt formatCode="mm-dd" sourceLinked="0"/>' : ''}` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? 't' : 'l'}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="1001"/><c:crosses val="${bar ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`
  );
}

function anchorXml(spec: ChartSpec, id: number, relId: string): string {
  const p = spec.placement;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${p.left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.top - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${p.right}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.bottom}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Chart ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export function relsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

function nextRelId(rels: string): string {
  const ids = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
  return `rId${Math.max(0, ...ids) + 1}`;
}

export function addRel(rels: string | undefined, type: string, target: string): { xml: string; id: string } {
  const base = rels ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const id = nextRelId(base);
  return { xml: base.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`), id };
}

export function freePart(files: Record<string, Uint8Array>, dir: string, stem: string): string {
  for (let i = 1; ; i++) if (!files[`${dir}/${stem}${i}.xml`]) return `${dir}/${stem}${i}.xml`;
}

/** The worksheet part of a sheet name (workbook.xml + its rels). */
export function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const wb = strFromU8(files['xl/workbook.xml']);
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => unescapeXml(/\bname="([^"]*)"/.exec(s)?.[1] ?? '') === sheet);
  const rid = tag && /\br:id="([^"]*)"/.exec(tag)?.[1];
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`));
  const t = target && /\bTarget="([^"]*)"/.exec(target)?.[1];
  if (!t) throw new Error(`sheet ${sheet} not found in the package`);
  return t.startsWith('/') ? t.slice(1) : path.posix.join('xl', t);
}

/** Adds the charts to `sheet` in the unzipped package (edited in place). */
export function addCharts(files: Record<string, Uint8Array>, sheet: string, charts: readonly ReportChart[]): void {
  if (charts.length === 0) return;
  const part = sheetPart(files, sheet);
  const sheetRelsPart = relsPartOf(part);
  let sheetXml = strFromU8(files[part]);
  let sheetRels = files[sheetRelsPart] ? strFromU8(files[sheetRelsPart]) : undefined;
  let contentTypes = strFromU8(files['[Content_Types].xml']);

  // The sheet's drawing: exceljs's (logo) when present, else a new one.
  const drawingRid = /<drawing\b[^>]*\br:id="([^"]*)"/.exec(sheetXml)?.[1];
  let drawingPart: string;
  if (drawingRid && sheetRels) {
    const rel = [...sheetRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${drawingRid}"`))!;
    drawingPart = path.posix.normalize(path.posix.join(path.posix.dirname(part), /\bTarget="([^"]*)"/.exec(rel)![1]));
  } else {
    drawingPart = freePart(files, 'xl/drawings', 'drawing');
    files[drawingPart] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`);
    const added = addRel(sheetRels, REL_DRAWING, `../drawings/${path.posix.basename(drawingPart)}`);
    sheetRels = added.xml;
    // CT_Worksheet order: <drawing> comes before legacyDrawing, picture, oleObjects, controls, tableParts and extLst.
    const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(sheetXml)!;
    sheetXml = `${sheetXml.slice(0, before.index)}<drawing r:id="${added.id}"/>${sheetXml.slice(before.index)}`;
    contentTypes = contentTypes.replace('</Types>', `<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/></Types>`);
  }
  const drawingRelsPart = relsPartOf(drawingPart);
  let drawingRels = files[drawingRelsPart] ? strFromU8(files[drawingRelsPart]) : undefined;
  let drawing = strFromU8(files[drawingPart]);
  const usedIds = [...drawing.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
  let shapeId = Math.max(0, ...usedIds);
  let anchors = '';
  for (const chart of charts) {
    const chartPart = freePart(files, 'xl/charts', 'chart');
    files[chartPart] = strToU8(chartXml(sheet, chart));
    contentTypes = contentTypes.replace('</Types>', `<Override PartName="/${chartPart}" ContentType="${CT_CHART}"/></Types>`);
    const rel = addRel(drawingRels, REL_CHART, `../charts/${path.posix.basename(chartPart)}`);
    drawingRels = rel.xml;
    anchors += anchorXml(chart.spec, ++shapeId, rel.id);
  }
  drawing = drawing.replace(/<\/xdr:wsDr>\s*$/, `${anchors}</xdr:wsDr>`);
  files[drawingPart] = strToU8(drawing);
  files[drawingRelsPart] = strToU8(drawingRels!);
  files[part] = strToU8(sheetXml);
  files[sheetRelsPart] = strToU8(sheetRels!);
  files['[Content_Types].xml'] = strToU8(contentTypes);
}
