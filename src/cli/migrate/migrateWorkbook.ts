/**
 * `migrate` for kit workbooks (DESIGN "Template versions"): version 1 put its validation and highlight rules on
 * 5,000 spare rows below the log table, which stops Excel from growing the table; version 2 keeps them on the
 * table's rows only (Excel carries them along as the table grows). Upgrading clips every rule range on the log sheet
 * to the table's data rows, drops ranges that lie wholly below it, and stamps the new version in Meta_Template.
 * Nothing else changes: rows, user columns, user sheets and user formulas are bytes the migration never touches.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { LOG_TABLE, META_KEYS, META_TABLE, TEMPLATE_VERSION } from '../../core/schema';
import { attr, CELL, cellText, sharedStrings, unescapeXml } from '../package/xmlText';

export type MigrateChange =
  | { kind: 'movedRules'; rules: number; below: number; tableRows: string }
  | { kind: 'stampedVersion'; from: number; to: number };

export type MigrateOutcome =
  | { status: 'upgraded'; from: number; changes: MigrateChange[] }
  | { status: 'current' }
  | { status: 'newer'; version: number }
  | { status: 'noStamp' }
  | { status: 'notWorkbook' };

interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseArea(ref: string): Area | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const left = colIndex(m[1]);
  const top = Number(m[2]);
  return { left, top, right: m[3] ? colIndex(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

function areaRef(a: Area): string {
  const tl = `${colLetters(a.left)}${a.top}`;
  return a.left === a.right && a.top === a.bottom ? tl : `${tl}:${colLetters(a.right)}${a.bottom}`;
}

/** Part name of the table called `name` (case-insensitive) and its ref. */
function findTable(files: Record<string, Uint8Array>, name: string): { part: string; ref: Area } | null {
  for (const part of Object.keys(files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(part)) continue;
    const head = strFromU8(files[part].subarray(0, 4096));
    const tag = /<table\b[^>]*>/.exec(head)?.[0] ?? '';
    const n = attr(tag, 'displayName') ?? attr(tag, 'name');
    const ref = attr(tag, 'ref');
    if (n && ref && unescapeXml(n).toLowerCase() === name.toLowerCase()) {
      const area = parseArea(ref);
      if (area) return { part, ref: area };
    }
  }
  return null;
}

/** The worksheet part whose relationships point at a table part. */
function sheetOfTable(files: Record<string, Uint8Array>, tablePart: string): string | null {
  const target = path.posix.basename(tablePart);
  for (const rels of Object.keys(files)) {
    const m = /^xl\/worksheets\/_rels\/([^/]+)\.rels$/.exec(rels);
    if (m && new RegExp(`Target="[^"]*/${target.replace('.', '\\.')}"`).test(strFromU8(files[rels]))) return `xl/worksheets/${m[1]}`;
  }
  return null;
}

/** The stamp's version cell: the row of Meta_Template whose key is "version". */
function readStamp(files: Record<string, Uint8Array>, strings: readonly string[]): { sheet: string; valueRef: string; version: number | null } | null {
  const meta = findTable(files, META_TABLE);
  if (!meta) return null;
  const sheet = sheetOfTable(files, meta.part);
  if (!sheet) return null;
  const cells = new Map<string, string | undefined>();
  for (const m of strFromU8(files[sheet]).matchAll(CELL)) {
    const r = attr(m[1], 'r');
    if (r) cells.set(r, cellText(m[1], m[2], strings));
  }
  for (let row = meta.ref.top + 1; row <= meta.ref.bottom; row++) {
    if (cells.get(`${colLetters(meta.ref.left)}${row}`) !== META_KEYS.version) continue;
    const valueRef = `${colLetters(meta.ref.left + 1)}${row}`;
    const version = Number(cells.get(valueRef));
    return { sheet, valueRef, version: Number.isFinite(version) ? version : null };
  }
  return null;
}

/** Clips every rule range (validation and conditional formats) on the log sheet to the table's data rows. */
function moveRules(xml: string, table: Area): { xml: string; rules: number; below: number } {
  const firstData = table.top + 1;
  let rules = 0;
  let below = 0;
  const clip = (sqref: string): string => {
    const kept: string[] = [];
    let changed = false;
    for (const ref of sqref.trim().split(/\s+/)) {
      const a = parseArea(ref);
      if (!a || a.bottom <= table.bottom || a.right < table.left || a.left > table.right) {
        kept.push(ref);
        continue;
      }
      changed = true;
      below += a.bottom - Math.max(table.bottom, a.top - 1);
      if (a.top > table.bottom) continue;
      kept.push(areaRef({ ...a, top: Math.max(a.top, firstData), bottom: table.bottom }));
    }
    if (changed) rules++;
    return kept.join(' ');
  };
  let out = xml.replace(/<dataValidation\b([^>]*?)\bsqref="([^"]*)"([^>]*)>([\s\S]*?)<\/dataValidation>/g, (whole, a: string, sq: string, b: string, body: string) => {
    const next = clip(sq);
    if (next === sq) return whole;
    return next === '' ? '' : `<dataValidation${a}sqref="${next}"${b}>${body}</dataValidation>`;
  });
  out = out.replace(/<dataValidations\b([^>]*)>([\s\S]*?)<\/dataValidations>/, (_w, a: string, body: string) => {
    const count = (body.match(/<dataValidation\b/g) ?? []).length;
    return count === 0 ? '' : `<dataValidations${a.replace(/\bcount="\d+"/, `count="${count}"`)}>${body}</dataValidations>`;
  });
  out = out.replace(/<conditionalFormatting\b([^>]*?)\bsqref="([^"]*)"([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g, (whole, a: string, sq: string, b: string, body: string) => {
    const next = clip(sq);
    if (next === sq) return whole;
    return next === '' ? '' : `<conditionalFormatting${a}sqref="${next}"${b}>${body}</conditionalFormatting>`;
  });
  return { xml: out, rules, below };
}

function setNumber(xml: string, ref: string, value: number): string {
  return xml.replace(CELL, (whole, attrs: string) => {
    if (attr(attrs, 'r') !== ref) return whole;
    return `<c${attrs.replace(/\s*\bt="[^"]*"/, '')}><v>${value}</v></c>`;
  });
}

/** Plans the upgrade of IN and, unless `output` is null (dry run), writes the upgraded package to OUTPUT. */
export function migrateWorkbook(input: string, output: string | null): MigrateOutcome {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(fs.readFileSync(input));
  } catch {
    return { status: 'notWorkbook' };
  }
  if (!files['xl/workbook.xml']) return { status: 'notWorkbook' };
  const strings = sharedStrings(files);
  const stamp = readStamp(files, strings);
  if (!stamp || stamp.version === null) return { status: 'noStamp' };
  if (stamp.version > TEMPLATE_VERSION) return { status: 'newer', version: stamp.version };
  if (stamp.version === TEMPLATE_VERSION) return { status: 'current' };

  const changes: MigrateChange[] = [];
  const edited: Record<string, string> = {};
  const log = findTable(files, LOG_TABLE);
  const logSheet = log ? sheetOfTable(files, log.part) : null;
  if (log && logSheet) {
    const moved = moveRules(strFromU8(files[logSheet]), log.ref);
    if (moved.rules > 0) {
      edited[logSheet] = moved.xml;
      changes.push({ kind: 'movedRules', rules: moved.rules, below: moved.below, tableRows: `${log.ref.top + 1}–${log.ref.bottom}` });
    }
  }
  edited[stamp.sheet] = setNumber(edited[stamp.sheet] ?? strFromU8(files[stamp.sheet]), stamp.valueRef, TEMPLATE_VERSION);
  changes.push({ kind: 'stampedVersion', from: stamp.version, to: TEMPLATE_VERSION });
  if (output !== null) {
    const out: Zippable = {};
    for (const [name, data] of Object.entries(files)) out[name] = edited[name] !== undefined ? strToU8(edited[name]) : data;
    fs.writeFileSync(output, zipSync(out, { level: 6 }));
  }
  return { status: 'upgraded', from: stamp.version, changes };
}
