/**
 * What kind of file this is, from its first bytes, before any zip or XML parsing: so that an .xls, an .ods, a
 * password-protected workbook or a renamed CSV is named as such instead of failing somewhere inside a parser.
 */
import * as fs from 'fs';
import type { XlsxProblem } from './errors';

export type FileKind = 'zip' | Exclude<XlsxProblem, 'damaged'>;

/** Compound File Binary (OLE2) signature: .xls, .et, and Office's encrypted OOXML container. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/**
 * An encrypted OOXML workbook is a CFB whose directory holds an "EncryptedPackage" stream next to "EncryptionInfo"
 * ([MS-OFFCRYPTO] 2.3.4.4); directory entry names are UTF-16LE.
 */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
/** CFB directories of real workbooks sit well within this; larger files are only scanned this far. */
const CFB_SCAN_BYTES = 64 << 20;
const HEAD_BYTES = 4096;

export async function sniffFile(file: string): Promise<FileKind> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const size = (await fd.stat()).size;
    if (size === 0) return 'empty';
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await fd.read(head, 0, head.length, 0);
    // Local file header "PK\3\4", or the end record of an empty archive "PK\5\6".
    if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip';
    if (head.length >= 8 && head.subarray(0, 8).equals(CFB_MAGIC)) {
      const body = Buffer.alloc(Math.min(size, CFB_SCAN_BYTES));
      await fd.read(body, 0, body.length, 0);
      return body.includes(ENCRYPTED_PACKAGE) ? 'encrypted' : 'xls';
    }
    return textKind(head);
  } finally {
    await fd.close();
  }
}

function textKind(head: Buffer): FileKind {
  const start = head.toString('latin1', 0, Math.min(head.length, 512)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  // Flat OpenDocument (.fods) is one XML file.
  if (start.startsWith('<?xml') || start.startsWith('<office:')) {
    return head.toString('latin1').includes('office:document') ? 'ods' : 'unknown';
  }
  // Text has no NUL bytes (UTF-16 text, which has them, starts with a byte-order mark) and few control characters.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  let control = 0;
  for (const b of head) {
    if (b === 0 && !utf16) return 'unknown';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0) control++;
  }
  return control <= head.length / 100 ? 'text' : 'unknown';
}
