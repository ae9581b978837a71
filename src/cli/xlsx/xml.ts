/**
 * One part of the package through an XML engine (the kit's scanner unless a caller passes another, as the reader
 * bench does with saxes), fed the streamed text. Elements are reported by local name, so `<x:row>` (a prefixed
 * SpreadsheetML namespace) and Strict OOXML (another namespace URI, same local names) read like the usual `<row>`.
 */
import { createScanner, type Attributes, type TagAttributes, type XmlEngineFactory } from './scanner';
import type { ZipArchive } from './zip';

export { localName } from './scanner';
export type { Attributes, TagAttributes, XmlEngineFactory } from './scanner';

export interface PartHandlers {
  open(name: string, attributes: TagAttributes): void;
  close?(name: string): void;
  /** Character data (entities and character references already resolved). */
  text?(text: string): void;
  /** Checked after each chunk: true stops reading the part. */
  done?(): boolean;
}

/** An attribute by local name (`r:id`, `ns1:id` …), for the few attributes that carry a prefix. */
export function prefixedAttribute(attributes: Attributes, local: string): string | undefined {
  for (const key in attributes) {
    if (key === local || key.endsWith(`:${local}`)) return attributes[key];
  }
  return undefined;
}

export async function parsePart(zip: ZipArchive, part: string, handlers: PartHandlers, engine: XmlEngineFactory = createScanner): Promise<void> {
  const xml = engine(handlers, part);
  let stopped = false;
  await zip.readText(part, (chunk) => {
    xml.write(chunk);
    stopped = handlers.done?.() ?? false;
    return !stopped;
  });
  if (!stopped) xml.close();
}
