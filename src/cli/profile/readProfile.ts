/**
 * Reads an agency profile: a workbook (the layout profile init writes, zh or en sheet names) through the kit's
 * streaming reader, or JSON. Both become a ProfileDraft with places (机构!B2, clients[1].client) for core's checks.
 * The logo is read here: a PNG file, relative to the profile's folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ProfileError, validateProfile, type AgencyProfile, type ProfileDraft } from '../../core/agency/profile';
import type { CellValue } from '../xlsx';
import { openWorkbook } from '../xlsx';
import { columnLetter } from '../readLog';
import { AGENCY_FIELDS, CLIENT_FIELDS, matches, PROFILE_SHEETS } from './profileSheets';

export interface LoadedProfile {
  profile: AgencyProfile;
  /** The logo's PNG bytes, when the profile names one. */
  logo: Buffer | null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

async function sheetRows(file: string): Promise<Map<string, { name: string; rows: Array<{ number: number; cells: CellValue[] }> }>> {
  const book = await openWorkbook(file);
  const out = new Map<string, { name: string; rows: Array<{ number: number; cells: CellValue[] }> }>();
  try {
    for (const sheet of book.sheets) {
      const kind = (Object.keys(PROFILE_SHEETS) as (keyof typeof PROFILE_SHEETS)[]).find((k) => matches(sheet.name, PROFILE_SHEETS[k]));
      if (!kind || out.has(kind)) continue;
      const rows: Array<{ number: number; cells: CellValue[] }> = [];
      await book.readRows(sheet, (r) => {
        rows.push({ number: r.number, cells: [...r.cells] });
      });
      out.set(kind, { name: sheet.name, rows });
    }
  } finally {
    book.close();
  }
  return out;
}

async function draftFromWorkbook(file: string): Promise<ProfileDraft> {
  const sheets = await sheetRows(file);
  const need = (kind: keyof typeof PROFILE_SHEETS) => {
    const s = sheets.get(kind);
    if (!s) throw new ProfileError('missingSheet', PROFILE_SHEETS[kind]['zh-CN'] + ' / ' + PROFILE_SHEETS[kind]['en-US']);
    return s;
  };
  const agency = need('agency');
  const field = (names: (typeof AGENCY_FIELDS)[keyof typeof AGENCY_FIELDS]) => {
    const row = agency.rows.find((r) => matches(r.cells[0], names));
    return { value: row ? cellText(row.cells[1]) : null, where: row ? `${agency.name}!B${row.number}` : `${agency.name}!A (${names['zh-CN']} / ${names['en-US']})` };
  };
  const draft: ProfileDraft = { agency: field(AGENCY_FIELDS.agency), color: field(AGENCY_FIELDS.color), logo: field(AGENCY_FIELDS.logo), lists: [], clients: [] };

  const lists = sheets.get('lists');
  if (lists) {
    const header = lists.rows.find((r) => r.number === 1)?.cells ?? [];
    header.forEach((name, col) => {
      const listName = cellText(name);
      if (!listName) return;
      const letter = columnLetter(col);
      const mode = lists.rows.find((r) => r.number === 2)?.cells[col];
      const items = lists.rows.filter((r) => r.number >= 3).map((r) => cellText(r.cells[col])).filter((v): v is string => v !== null);
      draft.lists.push({ name: listName, where: `${lists.name}!${letter}1`, mode: { value: cellText(mode), where: `${lists.name}!${letter}2` }, items });
    });
  }

  const clients = need('clients');
  const header = clients.rows.find((r) => r.number === 1)?.cells ?? [];
  const at = (names: (typeof CLIENT_FIELDS)[keyof typeof CLIENT_FIELDS]) => header.findIndex((h) => matches(h, names));
  const cols = { client: at(CLIENT_FIELDS.client), shop: at(CLIENT_FIELDS.shop), platform: at(CLIENT_FIELDS.platform), contact: at(CLIENT_FIELDS.contact) };
  if (cols.client < 0) throw new ProfileError('missingColumn', `${clients.name}!1`, CLIENT_FIELDS.client['zh-CN']);
  for (const r of clients.rows) {
    if (r.number === 1 || r.cells.every((c) => cellText(c) === null)) continue;
    const get = (i: number) => (i < 0 ? null : cellText(r.cells[i]));
    draft.clients.push({ where: `${clients.name}!${columnLetter(cols.client)}${r.number}`, client: get(cols.client), shop: get(cols.shop), platform: get(cols.platform), contact: get(cols.contact) });
  }
  return draft;
}

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

function draftFromJson(text: string): ProfileDraft {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ProfileError('badJson', '$');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ProfileError('badJson', '$');
  const o = raw as Record<string, unknown>;
  const lists = o.lists && typeof o.lists === 'object' && !Array.isArray(o.lists) ? (o.lists as Record<string, unknown>) : {};
  const clients = Array.isArray(o.clients) ? o.clients : [];
  return {
    agency: { value: str(o.agency), where: 'agency' },
    color: { value: str(o.color), where: 'color' },
    logo: { value: str(o.logo), where: 'logo' },
    lists: Object.entries(lists).map(([name, v]) => {
      // "product": ["A", "B"] extends; {"mode": "replace", "items": [...]} says how.
      const spec = Array.isArray(v) ? { items: v } : v && typeof v === 'object' ? (v as { mode?: unknown; items?: unknown }) : { items: [] };
      const items = Array.isArray(spec.items) ? spec.items.map((i) => str(i) ?? '') : [];
      return { name, where: `lists.${name}`, mode: { value: str((spec as { mode?: unknown }).mode), where: `lists.${name}.mode` }, items };
    }),
    clients: clients.map((c, i) => {
      const e = c && typeof c === 'object' ? (c as Record<string, unknown>) : {};
      return { where: `clients[${i}].client`, client: str(e.client), shop: str(e.shop), platform: str(e.platform), contact: str(e.contact) };
    }),
  };
}

/** Reads and checks a profile; throws ProfileError (a place and a code) or the kit reader's XlsxError. */
export async function readProfile(file: string): Promise<LoadedProfile> {
  const isJson = /\.json$/i.test(file);
  const draft = isJson ? draftFromJson(fs.readFileSync(file, 'utf8')) : await draftFromWorkbook(file);
  const profile = validateProfile(draft);
  let logo: Buffer | null = null;
  if (profile.logo) {
    const where = draft.logo.where;
    try {
      logo = fs.readFileSync(path.resolve(path.dirname(file), profile.logo));
    } catch {
      throw new ProfileError('badLogo', where, profile.logo);
    }
    if (logo.length < 8 || !logo.subarray(0, 8).equals(PNG_SIGNATURE)) throw new ProfileError('badLogo', where, profile.logo);
  }
  return { profile, logo };
}
