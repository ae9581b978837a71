/**
 * `mask` on a saved .xlsx: the log's rows are found by the kit's reader (headers, every log sheet); the free-text
 * cells holding personal data are rewritten in the sheet XML as inline strings with the masked text, keeping their
 * style. Everything else in the package is copied byte for byte, except that a shared string no cell uses any
 * more after masking is overwritten with its masked text (indices kept), so the original does not stay in the file.
 */
import * as fs from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { countKinds, FREE_TEXT_KEYS, maskCell, type MaskCounts } from '../../core/mask/maskColumns';
import { openWorkbook } from '../xlsx';
import { columnLetter, readLog } from '../readLog';
import { escapeXml, runText, sharedStrings, unescapeXml } from '../package/xmlText';

export interface MaskSummary {
  cells: number;
  counts: MaskCounts;
}

/** Masks the log's free-text cells of IN into OUT; returns the counts. Unreadable input throws the reader's error. */
export async function maskWorkbook(input: string, output: string): Promise<MaskSummary> {
  const log = await readLog(input);
  const book = await openWorkbook(input);
  const parts = new Map(book.sheets.map((s) => [s.name, s.part]));
  book.close();
  const files = unzipSync(fs.readFileSync(input));
  const strings = sharedStrings(files);
  const summary: MaskSummary = { cells: 0, counts: {} };
  const edited: Zippable = {};
  const maskedStrings = new Map<number, string>();
  for (const sheet of log.sheets) {
    const part = parts.get(sheet.name);
    if (!part || !files[part]) continue;
    // Cell address → column key, for the free-text columns of the log's rows.
    const targets = new Map<string, (typeof FREE_TEXT_KEYS)[number]>();
    for (const key of FREE_TEXT_KEYS) {
      const pos = sheet.positions[key];
      if (pos === undefined) continue;
      for (const row of sheet.rows) targets.set(`${columnLetter(pos)}${row.sheetRow}`, key);
    }
    const xml = strFromU8(files[part]);
    const next = xml.replace(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, body: string | undefined) => {
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const key = ref ? targets.get(ref) : undefined;
      if (!key || !body || /<f\b/.test(body)) return whole;
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
      let text: string | undefined;
      const index = type === 's' ? Number(/<v>([^<]*)<\/v>/.exec(body)?.[1]) : -1;
      if (type === 's') text = strings[index];
      else if (type === 'inlineStr') text = runText(body);
      else if (type === 'str') text = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      if (text === undefined) return whole;
      const masked = maskCell(text);
      if (!masked) return whole;
      if (index >= 0) maskedStrings.set(index, masked.text);
      summary.cells++;
      countKinds(summary.counts, key, masked.kinds);
      const keptAttrs = attrs.replace(/\s*\bt="[^"]*"/, '');
      return `<c${keptAttrs} t="inlineStr"><is><t xml:space="preserve">${escapeXml(masked.text)}</t></is></c>`;
    });
    if (next !== xml) edited[part] = strToU8(next);
  }
  if (maskedStrings.size > 0) {
    const xml = strFromU8(files['xl/sharedStrings.xml']);
    const used = usedSharedStrings(files, edited);
    let i = -1;
    edited['xl/sharedStrings.xml'] = strToU8(
      xml.replace(/<si\b[^>]*>[\s\S]*?<\/si>|<si\b[^>]*\/>/g, (si) => {
        i++;
        const masked = maskedStrings.get(i);
        return masked !== undefined && !used.has(i) ? `<si><t xml:space="preserve">${escapeXml(masked)}</t></si>` : si;
      }),
    );
  }
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = edited[name] ?? data;
  fs.writeFileSync(output, zipSync(out, { level: 6 }));
  return summary;
}

/** Shared-string indices still used by a cell of any worksheet (after the edits). */
function usedSharedStrings(files: Record<string, Uint8Array>, edited: Zippable): Set<number> {
  const used = new Set<number>();
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const data = (edited[name] as Uint8Array | undefined) ?? files[name];
    for (const m of strFromU8(data).matchAll(/<c\b([^>]*)>\s*(?:<f\b[\s\S]*?(?:\/>|<\/f>)\s*)?<v>(\d+)<\/v>/g)) {
      if (/\bt="s"/.test(m[1])) used.add(Number(m[2]));
    }
  }
  return used;
}
