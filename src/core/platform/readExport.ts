/**
 * Export file bytes → sheets of cell rows, for the pane (browser) and the CLI (Node). The format is told from the
 * bytes, not the name: BIFF8 .xls is an OLE compound file (D0 CF 11 E0), .xlsx a zip ("PK"), anything else is read
 * as CSV text — UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GBK (GB18030), what Excel and
 * 生意参谋 write on Chinese Windows. SheetJS reads all three; CSV cells stay text so "1.52%" and "00123" arrive as typed.
 */
import * as XLSX from '@e965/xlsx';
import { fill } from '../i18n';
import { platform as P } from '../i18n/platform';
import { parseExport, PlatformImportError, type ParsedExport, type ParseOptions } from './parse';

export type ExportFormat = 'xls' | 'xlsx' | 'csv';

export function sniffFormat(bytes: Uint8Array): ExportFormat {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  return 'csv';
}

/** CSV bytes → text: UTF-8 if valid, else GB18030 (a superset of GBK). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Every sheet's cells as rows (blank cells null); numbers stay numbers, dates stay serial numbers. */
export function readSheets(bytes: Uint8Array, file: string): unknown[][][] {
  const format = sniffFormat(bytes);
  let wb: XLSX.WorkBook;
  const text = format === 'csv' ? decodeCsv(bytes) : '';
  // XML spreadsheets (flat ODS, Excel 2003 XML) are no platform's export format; SheetJS would read them noisily.
  if (/^\s*<\?xml/i.test(text)) throw new PlatformImportError(fill(P.unreadable, { file }));
  try {
    wb = format === 'csv' ? XLSX.read(text, { type: 'string', raw: true, dense: true }) : XLSX.read(bytes, { type: 'array', dense: true });
  } catch {
    throw new PlatformImportError(fill(P.unreadable, { file }));
  }
  return wb.SheetNames.map((name) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, raw: true, defval: null, blankrows: true }));
}

/** Read and recognise an export: the first sheet whose headers name a known report. */
export function readExport(bytes: Uint8Array, options: ParseOptions): ParsedExport {
  const sheets = readSheets(bytes, options.file);
  let first: unknown = null;
  for (const rows of sheets) {
    try {
      return parseExport(rows, options);
    } catch (e) {
      if (!(e instanceof PlatformImportError)) throw e;
      first ??= e;
    }
  }
  throw first ?? new PlatformImportError(fill(P.empty, { file: options.file }));
}
