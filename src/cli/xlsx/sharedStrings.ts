/**
 * The shared string table (xl/sharedStrings.xml): one entry per `<si>`, the text of its `<t>` runs joined.
 * Phonetic guides (`<rPh>`, furigana/pinyin over the text) are not part of the cell's value and are left out.
 */
import { decodeXString } from './escapes';
import { parsePart, type XmlEngineFactory } from './xml';
import type { ZipArchive } from './zip';

export async function readSharedStrings(zip: ZipArchive, part: string, engine?: XmlEngineFactory): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] = [];
  let inPhonetic = false;
  let inText = false;
  await parsePart(zip, part, {
    open(name) {
      if (name === 't') inText = !inPhonetic;
      else if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(decodeXString(current.join('')));
    },
    text(text) {
      if (inText) current.push(text);
    },
  }, engine);
  return strings;
}
