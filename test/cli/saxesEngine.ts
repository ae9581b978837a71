/**
 * saxes (a maintained, conformant SAX parser) behind the reader's engine interface: the oracle the kit's scanner is
 * compared with, event for event, and the "SAX pipeline" candidate of the reader bench.
 */
import { SaxesParser } from 'saxes';
import { XlsxError } from '../../src/cli/xlsx/errors';
import { localName, type Attributes, type XmlEngineFactory } from '../../src/cli/xlsx/scanner';

export const createSaxes: XmlEngineFactory = (handlers, part) => {
  const parser = new SaxesParser({ position: false });
  let failure: XlsxError | null = null;
  parser.on('error', () => {
    failure ??= new XlsxError('damaged', part);
  });
  // One view over the current tag's attributes, reused (the scanner allocates none per tag either).
  let current: Attributes = {};
  const view = { get: (name: string) => current[name], all: () => current };
  parser.on('opentag', (tag) => {
    current = tag.attributes as Attributes;
    handlers.open(localName(tag.name), view);
  });
  const close = handlers.close;
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  return {
    write(text) {
      parser.write(text);
      if (failure) throw failure;
    },
    close() {
      parser.close();
      if (failure) throw failure;
    },
  };
};
