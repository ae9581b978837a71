/**
 * PivotTables for `report --out --pivot`, added to the package exceljs wrote (exceljs 4.4 writes none), next to the
 * chart writer: one pivot cache over the log sheet's rows, shared by one pivot table per report, each on its own
 * sheet so no pivot can grow into another (Excel refuses a refresh that would overlap: PivotTableRangeConflict).
 *
 * The cache is marked refreshOnLoad="1" and saves no records (saveData="0"): Excel, WPS and LibreOffice rebuild
 * every pivot from the log rows when the file opens, so the parts below hold the layout only — fields, axes, the
 * items of the axis and filter fields (a page filter names its selected item by index), and the data fields with
 * their summary function. The parts are the documented subset of ECMA-376 Part 1, §18.10 (PivotTables).
 */
import { strFromU8, strToU8 } from 'fflate';
import { serialToIso } from '../../core/dates';
import { escapeXml } from '../package/xmlText';
import { addRel, freePart, relsPartOf, sheetPart } from './charts';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_CACHE = `${NS_R}/pivotCacheDefinition`;
const REL_PIVOT = `${NS_R}/pivotTable`;
const CT_CACHE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml';
const CT_PIVOT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** One column of the pivot source (the log sheet), in sheet order. */
export interface PivotSourceField {
  name: string;
  /** Values of every row (null = blank). Needed for the items of axis and filter fields, and numeric ranges. */
  values: ReadonlyArray<string | number | null>;
  /** The column holds dates (serials): its items are written as dates. */
  date?: boolean;
}

export interface PivotSource {
  sheet: string;
  /** A1 range of header + rows, e.g. A1:R1001. */
  ref: string;
  fields: readonly PivotSourceField[];
}

export type PivotSubtotal = 'count' | 'sum' | 'average';

export interface PivotDataField {
  name: string;
  field: number;
  subtotal: PivotSubtotal;
  /** Shown as a share of the column total (no-deal reasons' % of total). */
  percentOfColumn?: boolean;
  /** A built-in number format id (ECMA-376 §18.8.30): 3 #,##0, 4 #,##0.00, 10 0.00%. */
  numFmtId: number;
}

export interface PivotSpec {
  name: string;
  /** The sheet the pivot is placed on, and its top-left cell (1-based). */
  sheet: string;
  row: number;
  col: number;
  rowField: number;
  colField?: number;
  /** Report filter; `item` is the selected value, or null to show all (no such item yet). */
  filter?: { field: number; item: string | null };
  data: readonly PivotDataField[];
}

/** Distinct values in first-seen order (blank last), as the cache's shared items. */
function distinct(values: ReadonlyArray<string | number | null>): Array<string | number | null> {
  const seen = new Set<string | number | null>();
  for (const v of values) seen.add(v === '' ? null : v);
  const out: Array<string | number | null> = [...seen].filter((v) => v !== null);
  if (seen.has(null)) out.push(null);
  return out;
}

function dateTime(serial: number): string {
  return `${serialToIso(serial)}T00:00:00`;
}

function itemXml(v: string | number | null, date: boolean): string {
  if (v === null) return '<m/>';
  if (date && typeof v === 'number') return `<d v="${dateTime(v)}"/>`;
  return typeof v === 'number' ? `<n v="${v}"/>` : `<s v="${escapeXml(v)}"/>`;
}

/** Items of the fields that need them (axis and filter fields), by field index. */
type ItemTable = Map<number, Array<string | number | null>>;

function cacheFieldXml(f: PivotSourceField, items: Array<string | number | null> | undefined): string {
  const name = escapeXml(f.name);
  const blank = f.values.some((v) => v === null || v === '');
  const numbers = f.values.filter((v): v is number => typeof v === 'number');
  const strings = f.values.some((v) => typeof v === 'string' && v !== '');
  const attrs: string[] = [];
  if (f.date && numbers.length > 0) {
    attrs.push('containsSemiMixedTypes="0"', 'containsNonDate="0"', 'containsDate="1"', 'containsString="0"');
    if (blank) attrs.push('containsBlank="1"');
    attrs.push(`minDate="${dateTime(Math.min(...numbers))}"`, `maxDate="${dateTime(Math.max(...numbers) + 1)}"`);
  } else if (numbers.length > 0 && !strings) {
    attrs.push('containsSemiMixedTypes="0"', 'containsString="0"', 'containsNumber="1"');
    if (numbers.every(Number.isInteger)) attrs.push('containsInteger="1"');
    if (blank) attrs.push('containsBlank="1"');
    let min = Infinity;
    let max = -Infinity;
    for (const n of numbers) {
      if (n < min) min = n;
      if (n > max) max = n;
    }
    attrs.push(`minValue="${min}"`, `maxValue="${max}"`);
  } else if (blank) attrs.push('containsBlank="1"');
  const head = attrs.length > 0 ? ` ${attrs.join(' ')}` : '';
  if (!items) return `<cacheField name="${name}" numFmtId="0"><sharedItems${head}/></cacheField>`;
  const list = items.map((v) => itemXml(v, Boolean(f.date))).join('');
  return `<cacheField name="${name}" numFmtId="${f.date ? 14 : 0}"><sharedItems${head} count="${items.length}">${list}</sharedItems></cacheField>`;
}

export function cacheDefinitionXml(source: PivotSource, items: ItemTable): string {
  const fields = source.fields.map((f, i) => cacheFieldXml(f, items.get(i))).join('');
  return (
    `${XML_HEAD}<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_R}" saveData="0" refreshOnLoad="1" ` +
    `createdVersion="3" refreshedVersion="3" minRefreshableVersion="3" recordCount="0">` +
    `<cacheSource type="worksheet"><worksheetSource ref="${source.ref}" sheet="${escapeXml(source.sheet)}"/></cacheSource>` +
    `<cacheFields count="${source.fields.length}">${fields}</cacheFields></pivotCacheDefinition>`
  );
}

function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function pivotTableXml(spec: PivotSpec, source: PivotSource, items: ItemTable, cacheId: number, dataCaption: string): string {
  const axisOf = (i: number) => (i === spec.rowField ? 'axisRow' : i === spec.colField ? 'axisCol' : spec.filter?.field === i ? 'axisPage' : null);
  const dataFields = new Set(spec.data.map((d) => d.field));
  const fields = source.fields
    .map((_f, i) => {
      const axis = axisOf(i);
      const data = dataFields.has(i) ? ' dataField="1"' : '';
      if (!axis) return `<pivotField${data} showAll="0"/>`;
      const list = items.get(i) ?? [];
      const xs = list.map((_v, x) => `<item x="${x}"/>`).join('');
      return `<pivotField axis="${axis}"${data} showAll="0"><items count="${list.length + 1}">${xs}<item t="default"/></items></pivotField>`;
    })
    .join('');
  // Before the refresh the body is the header row and the grand total; the spreadsheet lays out the rest.
  const pageRows = spec.filter ? 2 : 0;
  const top = spec.row + pageRows;
  const width = 1 + spec.data.length;
  const ref = `${columnName(spec.col)}${top}:${columnName(spec.col + width - 1)}${top + 1}`;
  const page = spec.filter ? ' rowPageCount="1" colPageCount="1"' : '';
  const manyData = spec.data.length > 1;
  const colFields = [...(spec.colField !== undefined ? [spec.colField] : []), ...(manyData ? [-2] : [])];
  const colFieldsXml = colFields.length > 0 ? `<colFields count="${colFields.length}">${colFields.map((x) => `<field x="${x}"/>`).join('')}</colFields>` : '';
  const pageXml = spec.filter
    ? (() => {
        const f = spec.filter;
        const at = f.item === null ? -1 : (items.get(f.field) ?? []).indexOf(f.item);
        return `<pageFields count="1"><pageField fld="${f.field}"${at >= 0 ? ` item="${at}"` : ''} hier="-1"/></pageFields>`;
      })()
    : '';
  const data = spec.data
    .map(
      (d) =>
        `<dataField name="${escapeXml(d.name)}" fld="${d.field}" subtotal="${d.subtotal}"` +
        `${d.percentOfColumn ? ' showDataAs="percentOfCol"' : ''} baseField="0" baseItem="0" numFmtId="${d.numFmtId}"/>`,
    )
    .join('');
  return (
    `${XML_HEAD}<pivotTableDefinition xmlns="${NS_MAIN}" name="${escapeXml(spec.name)}" cacheId="${cacheId}" dataCaption="${escapeXml(dataCaption)}" ` +
    `applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" ` +
    `updatedVersion="3" minRefreshableVersion="3" createdVersion="3" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1">` +
    `<location ref="${ref}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"${page}/>` +
    `<pivotFields count="${source.fields.length}">${fields}</pivotFields>` +
    `<rowFields count="1"><field x="${spec.rowField}"/></rowFields><rowItems count="1"><i t="grand"><x/></i></rowItems>` +
    `${colFieldsXml}<colItems count="1"><i/></colItems>${pageXml}` +
    `<dataFields count="${spec.data.length}">${data}</dataFields>` +
    `<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>` +
    `</pivotTableDefinition>`
  );
}

/**
 * Adds the cache (to the workbook) and the pivot tables (to their sheets) in the unzipped package, edited in place.
 * Every sheet a spec names must already exist in the package.
 */
export function addPivotTables(files: Record<string, Uint8Array>, source: PivotSource, specs: readonly PivotSpec[], dataCaption: string): void {
  if (specs.length === 0) return;
  const items: ItemTable = new Map();
  for (const s of specs) {
    for (const i of [s.rowField, s.colField, s.filter?.field]) {
      if (i !== undefined && !items.has(i)) items.set(i, distinct(source.fields[i].values));
    }
  }
  let contentTypes = strFromU8(files['[Content_Types].xml']);
  const cachePart = freePart(files, 'xl/pivotCache', 'pivotCacheDefinition');
  files[cachePart] = strToU8(cacheDefinitionXml(source, items));
  contentTypes = contentTypes.replace('</Types>', `<Override PartName="/${cachePart}" ContentType="${CT_CACHE}"/></Types>`);

  const wbRels = addRel(strFromU8(files['xl/_rels/workbook.xml.rels']), REL_CACHE, cachePart.replace(/^xl\//, ''));
  files['xl/_rels/workbook.xml.rels'] = strToU8(wbRels.xml);
  const cacheId = 1;
  let workbook = strFromU8(files['xl/workbook.xml']);
  // CT_Workbook order: <pivotCaches> follows calcPr/oleSize/customWorkbookViews and precedes the later elements.
  const before = /<(smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/.exec(workbook)!;
  workbook = `${workbook.slice(0, before.index)}<pivotCaches><pivotCache cacheId="${cacheId}" r:id="${wbRels.id}"/></pivotCaches>${workbook.slice(before.index)}`;
  files['xl/workbook.xml'] = strToU8(workbook);

  for (const spec of specs) {
    const pivotPart = freePart(files, 'xl/pivotTables', 'pivotTable');
    files[pivotPart] = strToU8(pivotTableXml(spec, source, items, cacheId, dataCaption));
    files[relsPartOf(pivotPart)] = strToU8(addRel(undefined, REL_CACHE, `../pivotCache/${cachePart.split('/').pop()}`).xml);
    contentTypes = contentTypes.replace('</Types>', `<Override PartName="/${pivotPart}" ContentType="${CT_PIVOT}"/></Types>`);
    const part = sheetPart(files, spec.sheet);
    const relsPart = relsPartOf(part);
    const rels = files[relsPart] ? strFromU8(files[relsPart]) : undefined;
    files[relsPart] = strToU8(addRel(rels, REL_PIVOT, `../pivotTables/${pivotPart.split('/').pop()}`).xml);
  }
  files['[Content_Types].xml'] = strToU8(contentTypes);
}
