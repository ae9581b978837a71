/**
 * Bounded writing of large templates: exceljs holds every cell of a workbook in memory (100,000 rows: 2.6 GB peak),
 * so a template with many rows is written with the log table holding only its placeholder row, and the rows are then
 * streamed into that sheet part while the package is zipped (fflate's streaming Zip, straight to the file). Each row
 * is written like exceljs writes the placeholder: the column's style index, dates as serials, text as inline strings,
 * the calculated columns with their formula and cached value, then the extra columns after the schema's (merge's
 * 来源/Source). The table's ref, the sheet's dimension and the rule ranges are widened to the last row, as exceljs
 * would have written them.
 */
import * as fs from 'fs';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import { COLUMNS, LOG_SHEET, LOG_TABLE, isCalcKey, type InputKey } from '../../core/schema';
import { columnLetter } from '../../core/template';
import { escapeXml } from '../package/xmlText';
import { calcResult, type RowValues } from './cells';
import { sheetPart } from './charts';
import type { ExtraColumn } from './logSheet';

/** Rows per string pushed into the compressor (a few MB of XML at most). */
const ROWS_PER_PUSH = 2000;

export interface StreamedRowsOptions {
  /** Store the calculated columns' cached results (as the exceljs writer does with cacheResults). */
  cacheResults: boolean;
  /** Columns after the schema's, as the log sheet declared them; row i takes values[i]. */
  extraColumns?: readonly ExtraColumn[];
  /** Changes to the other parts before zipping (the charts). */
  edit?: (files: Record<string, Uint8Array>) => void;
}

interface PlaceholderCell {
  /** The style attribute (' s="2"' or ''). */
  style: string;
  /** For calculated columns, the <f> element. */
  formula: string | null;
}

/** The placeholder row's cells, schema columns first, then `extra` more columns. */
function placeholderRow(rowXml: string, extra: number): PlaceholderCell[] {
  const cells = new Map<string, string>();
  for (const m of rowXml.matchAll(/<c\b[^>]*\br="([A-Z]+)2"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) cells.set(m[1], m[0]);
  return Array.from({ length: COLUMNS.length + extra }, (_c, i) => {
    const cell = cells.get(columnLetter(i)) ?? '';
    const style = /\bs="(\d+)"/.exec(cell)?.[1];
    return { style: style ? ` s="${style}"` : '', formula: /<f>[\s\S]*?<\/f>/.exec(cell)?.[0] ?? null };
  });
}

function cellXml(ref: string, style: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return `<c r="${ref}"${style}/>`;
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = String(value);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

function rowsXml(rows: readonly RowValues[], from: number, to: number, p: readonly PlaceholderCell[], extra: readonly ExtraColumn[], cacheResults: boolean): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const r = i + 2;
    const row = rows[i];
    out += `<row r="${r}" spans="1:${p.length}">`;
    COLUMNS.forEach((c, col) => {
      const ref = `${columnLetter(col)}${r}`;
      const { style, formula } = p[col];
      if (isCalcKey(c.key) && formula) {
        if (!cacheResults) {
          out += `<c r="${ref}"${style}>${formula}</c>`;
          return;
        }
        const cached = calcResult(row, c.key);
        out += typeof cached === 'number' ? `<c r="${ref}"${style}>${formula}<v>${cached}</v></c>` : `<c r="${ref}"${style} t="str">${formula}<v>${escapeXml(cached)}</v></c>`;
        return;
      }
      out += cellXml(ref, style, row[c.key as InputKey]);
    });
    extra.forEach((e, j) => {
      const col = COLUMNS.length + j;
      out += cellXml(`${columnLetter(col)}${r}`, p[col].style, e.values[i] ?? null);
    });
    out += '</row>';
  }
  return out;
}

/**
 * Writes the package (already holding every part, the log table with its one placeholder row) to `file`, with
 * `rows` streamed into the log sheet in place of the placeholder.
 */
export async function writeWithStreamedRows(packageBytes: Uint8Array, file: string, rows: readonly RowValues[], options: StreamedRowsOptions): Promise<void> {
  const extra = options.extraColumns ?? [];
  const files = unzipSync(packageBytes);
  options.edit?.(files);
  const logPart = sheetPart(files, LOG_SHEET);
  const xml = strFromU8(files[logPart]);
  const row2 = /<row\b[^>]*\br="2"[^>]*>[\s\S]*?<\/row>/.exec(xml);
  if (!row2) throw new Error('template: the log placeholder row is missing');
  const last = Math.max(rows.length, 1) + 1;
  const lastCol = columnLetter(COLUMNS.length + extra.length - 1);
  const head = xml.slice(0, row2.index).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${lastCol}${last}"/>`);
  // Rule ranges of the placeholder row (X2:X2) cover the table's rows (template version 2).
  const tail = xml.slice(row2.index + row2[0].length).replace(/\bsqref="([A-Z]+)2:([A-Z]+)2"/g, `sqref="$12:$2${last}"`);
  for (const name of Object.keys(files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(name)) continue;
    const table = strFromU8(files[name]);
    if (!new RegExp(`displayName="${LOG_TABLE}"`).test(table)) continue;
    files[name] = strToU8(table.replace(/\bref="A1:([A-Z]+)2"/g, `ref="A1:$1${last}"`));
  }
  const placeholder = placeholderRow(row2[0], extra.length);

  const fd = fs.openSync(file, 'w');
  try {
    let failure: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else fs.writeSync(fd, chunk);
    });
    for (const [name, data] of Object.entries(files)) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      if (name !== logPart) {
        entry.push(data, true);
        continue;
      }
      entry.push(strToU8(head));
      for (let i = 0; i < rows.length; i += ROWS_PER_PUSH) entry.push(strToU8(rowsXml(rows, i, Math.min(rows.length, i + ROWS_PER_PUSH), placeholder, extra, options.cacheResults)));
      entry.push(strToU8(tail), true);
    }
    zip.end();
    if (failure) throw failure;
  } finally {
    fs.closeSync(fd);
  }
}
