/**
 * One part of the package through saxes (a maintained, well-formed-XML-checking SAX parser), fed the streamed text.
 * Elements are reported by local name, so `<x:row>` (a prefixed SpreadsheetML namespace) and Strict OOXML (another
 * namespace URI, same local names) read like the usual transitional `<row>`.
 */
import { SaxesParser } from 'saxes';
import { XlsxError } from './errors';
import type { ZipArchive } from './zip';

export type Attributes = Record<string, string>;

export interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  /** Character data (entities and character references already resolved). */
  text?(text: string): void;
  /** Checked after each chunk: true stops reading the part. */
  done?(): boolean;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name (`r:id`, `ns1:id` …), for the few attributes that carry a prefix. */
export function prefixedAttribute(attributes: Attributes, local: string): string | undefined {
  for (const key in attributes) {
    if (key === local || key.endsWith(`:${local}`)) return attributes[key];
  }
  return undefined;
}

export async function parsePart(zip: ZipArchive, part: string, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: false });
  let failure: XlsxError | null = null;
  parser.on('error', () => {
    failure ??= new XlsxError('damaged', part);
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Attributes));
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  await zip.readText(part, (chunk) => {
    parser.write(chunk);
    if (failure) throw failure;
    return !(handlers.done?.() ?? false);
  });
  if (!handlers.done?.()) parser.close();
  if (failure) throw failure;
}
