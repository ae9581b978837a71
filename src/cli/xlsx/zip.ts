/**
 * The zip side of an .xlsx: yauzl reads the central directory (so parts can be read in the order we need, shared
 * strings before sheets, whatever their order in the archive) and inflates one entry at a time with Node's zlib.
 * Each part reaches the caller as text decoded with a streaming TextDecoder: a UTF-8 character split across two
 * inflated chunks is joined before decoding, never turned into U+FFFD.
 */
import * as yauzl from 'yauzl';
import { XlsxError } from './errors';

export interface ZipArchive {
  /** Entry names as stored (case kept). */
  readonly names: readonly string[];
  /** The stored name matching `name` case-insensitively (zip writers differ in case), or undefined. */
  find(name: string): string | undefined;
  /** True when the entry is encrypted with zip's own (legacy) encryption. */
  isEncrypted(name: string): boolean;
  /** Stream one entry's text, chunk by chunk, to `onText`; returning false stops reading (the rest is skipped). */
  readText(name: string, onText: (text: string) => boolean | void): Promise<void>;
  /** The whole text of a small entry. */
  readAll(name: string): Promise<string>;
  close(): void;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(new XlsxError('damaged', 'zip'));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new XlsxError('damaged', 'zip')));
    zip.readEntry();
  });
}

export async function openArchive(file: string): Promise<ZipArchive> {
  const zip = await openZip(file);
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await listEntries(zip);
  } catch (e) {
    zip.close();
    throw e;
  }
  const lower = new Map<string, string>();
  for (const name of entries.keys()) lower.set(name.toLowerCase().replace(/^\//, ''), name);

  const entry = (name: string): yauzl.Entry => {
    const e = entries.get(name);
    if (!e) throw new XlsxError('damaged', name);
    return e;
  };
  const readText = (name: string, onText: (text: string) => boolean | void): Promise<void> =>
    new Promise((resolve, reject) => {
      const e = entry(name);
      if (e.isEncrypted()) {
        reject(new XlsxError('encrypted', name));
        return;
      }
      zip.openReadStream(e, (err, stream) => {
        if (err || !stream) {
          reject(new XlsxError('damaged', name));
          return;
        }
        const decoder = new TextDecoder('utf-8');
        let failed = false;
        let stopped = false;
        const fail = (error: unknown) => {
          if (failed) return;
          failed = true;
          stream.destroy();
          reject(error instanceof XlsxError ? error : new XlsxError('damaged', name));
        };
        stream.on('data', (chunk: Buffer) => {
          if (failed || stopped) return;
          try {
            const text = decoder.decode(chunk, { stream: true });
            if (text.length > 0 && onText(text) === false) {
              stopped = true;
              stream.destroy();
              resolve();
            }
          } catch (error) {
            fail(error);
          }
        });
        stream.on('error', (error) => {
          if (!stopped) fail(error);
        });
        stream.on('end', () => {
          if (failed || stopped) return;
          try {
            const rest = decoder.decode();
            if (rest.length > 0) onText(rest);
            resolve();
          } catch (error) {
            fail(error);
          }
        });
      });
    });

  return {
    names: [...entries.keys()],
    find: (name) => lower.get(name.toLowerCase().replace(/^\//, '')),
    isEncrypted: (name) => entry(name).isEncrypted(),
    readText,
    readAll: async (name) => {
      const parts: string[] = [];
      await readText(name, (t) => {
        parts.push(t);
      });
      return parts.join('');
    },
    close: () => zip.close(),
  };
}
