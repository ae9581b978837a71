/**
 * The workbook's sheets and where their parts live, from the package relationships ([ECMA-376] Part 2, Open
 * Packaging Conventions): _rels/.rels names the workbook part, its own .rels names the sheets and the shared strings.
 * Relationship types are matched by their last segment so transitional and Strict OOXML (other URIs) both read.
 */
import * as path from 'path';
import { XlsxError } from './errors';
import { readSharedStrings } from './sharedStrings';
import { readDateStyles } from './dateStyles';
import { readSheetRows, type RowVisitor, type SheetContext } from './sheet';
import { sniffFile } from './sniff';
import { parsePart, prefixedAttribute, type XmlEngineFactory } from './xml';
import { openArchive, type ZipArchive } from './zip';

export interface WorkbookSheet {
  name: string;
  /** Worksheet part inside the package (chart sheets and dialog sheets are not listed). */
  part: string;
  hidden: boolean;
}

export interface XlsxWorkbook {
  readonly sheets: readonly WorkbookSheet[];
  /** Stream a sheet's rows in order; the visitor returns false to stop early. */
  readRows(sheet: WorkbookSheet, visit: RowVisitor): Promise<void>;
  close(): void;
}

interface Relationship {
  type: string;
  target: string;
}

/** "…/relationships/worksheet" → "worksheet". */
function relType(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** A relationship target resolved against the part that owns it (targets are relative, or absolute from the root). */
function resolveTarget(fromPart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return t.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), t));
}

function relsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

async function readRelationships(zip: ZipArchive, ofPart: string, engine?: XmlEngineFactory): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const part = zip.find(relsPartOf(ofPart));
  if (!part) return rels;
  await parsePart(zip, part, {
    open(name, tag) {
      if (name !== 'Relationship') return;
      const a = tag.all();
      if (a.Id && a.Target && a.TargetMode !== 'External') {
        rels.set(a.Id, { type: relType(a.Type ?? ''), target: resolveTarget(ofPart, a.Target) });
      }
    },
  }, engine);
  return rels;
}

async function isOpenDocument(zip: ZipArchive): Promise<boolean> {
  const mimetype = zip.find('mimetype');
  if (!mimetype) return false;
  return (await zip.readAll(mimetype)).startsWith('application/vnd.oasis.opendocument');
}

async function workbookPart(zip: ZipArchive, engine?: XmlEngineFactory): Promise<string> {
  const root = await readRelationships(zip, '', engine);
  for (const rel of root.values()) {
    if (rel.type === 'officeDocument') {
      const found = zip.find(rel.target);
      if (found) return found;
    }
  }
  // No package relationships: the usual location, as some writers leave .rels out.
  const fallback = zip.find('xl/workbook.xml');
  if (fallback) return fallback;
  // A package that declares spreadsheet content but lacks its workbook is a damaged .xlsx; any other zip (a .docx,
  // an Apple Numbers file, a folder of CSVs) is not a workbook at all.
  const types = zip.find('[Content_Types].xml');
  const spreadsheet = types ? (await zip.readAll(types)).includes('spreadsheetml') : false;
  throw spreadsheet ? new XlsxError('damaged', 'xl/workbook.xml') : new XlsxError('unknown');
}

export interface OpenOptions {
  /** The XML engine (default the kit's scanner; the reader bench passes saxes to compare). */
  engine?: XmlEngineFactory;
}

export async function openWorkbook(file: string, options: OpenOptions = {}): Promise<XlsxWorkbook> {
  const { engine } = options;
  const kind = await sniffFile(file);
  if (kind !== 'zip') throw new XlsxError(kind);
  const zip = await openArchive(file);
  try {
    if (await isOpenDocument(zip)) throw new XlsxError('ods');
    const part = await workbookPart(zip, engine);
    if (zip.isEncrypted(part)) throw new XlsxError('encrypted', part);
    const rels = await readRelationships(zip, part, engine);
    const sheets: WorkbookSheet[] = [];
    let date1904 = false;
    await parsePart(zip, part, {
      open(name, tag) {
        if (name === 'workbookPr') {
          const v = tag.get('date1904');
          date1904 = v === '1' || v === 'true';
        }
        if (name !== 'sheet') return;
        const a = tag.all();
        const rel = rels.get(prefixedAttribute(a, 'id') ?? '');
        const target = rel && rel.type === 'worksheet' ? zip.find(rel.target) : undefined;
        if (a.name !== undefined && target) sheets.push({ name: a.name, part: target, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      },
    }, engine);
    const sharedPart = [...rels.values()].find((r) => r.type === 'sharedStrings');
    const sharedName = sharedPart ? zip.find(sharedPart.target) : undefined;
    const stylesRel = [...rels.values()].find((r) => r.type === 'styles');
    const stylesName = date1904 && stylesRel ? zip.find(stylesRel.target) : undefined;
    let context: Promise<SheetContext> | null = null;
    const loadContext = async (): Promise<SheetContext> => ({
      shared: sharedName ? await readSharedStrings(zip, sharedName, engine) : [],
      dateStyles1904: date1904 ? (stylesName ? await readDateStyles(zip, stylesName, engine) : new Set<number>()) : null,
    });
    return {
      sheets,
      async readRows(sheet, visit) {
        context ??= loadContext();
        await readSheetRows(zip, sheet.part, await context, visit, engine);
      },
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}
