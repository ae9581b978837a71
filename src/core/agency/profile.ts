/**
 * The agency profile (DESIGN "Agencies"): the agency's name, accent colour, optional logo, its own lists and its
 * client roster. It arrives as a workbook the agency edits or as JSON; both readers produce a ProfileDraft whose
 * fields carry where they came from (a cell such as 客户!A5, or a JSON key such as clients[2].client), and
 * validateProfile turns it into an AgencyProfile or names the first problem at that place.
 */
import { LISTS, LIST_KEYS, defaultListValues, type ListKey, type ListValues } from '../schema';

export interface ClientEntry {
  client: string;
  shop: string;
  platform: string;
  contact: string;
}

export type ListMode = 'extend' | 'replace';

export interface AgencyProfile {
  agency: string;
  /** RRGGBB, upper case, no '#'. */
  color: string;
  /** Path of the PNG logo as written in the profile (resolved by the reader), or null. */
  logo: string | null;
  lists: Partial<Record<ListKey, { mode: ListMode; items: string[] }>>;
  clients: ClientEntry[];
}

export interface Located<T> {
  value: T;
  where: string;
}

export interface ProfileDraft {
  agency: Located<string | null>;
  color: Located<string | null>;
  logo: Located<string | null>;
  lists: Array<{ name: string; where: string; mode: Located<string | null>; items: string[] }>;
  clients: Array<{ where: string; client: string | null; shop: string | null; platform: string | null; contact: string | null }>;
}

export type ProfileProblemCode =
  | 'missingSheet'
  | 'missingName'
  | 'missingColumn'
  | 'badColor'
  | 'unknownList'
  | 'fixedList'
  | 'badMode'
  | 'emptyList'
  | 'noClients'
  | 'missingClient'
  | 'duplicateClient'
  | 'badLogo'
  | 'badJson';

export class ProfileError extends Error {
  constructor(
    readonly code: ProfileProblemCode,
    readonly where: string,
    readonly value = '',
  ) {
    super(`${code} at ${where}`);
  }
}

/** The default accent colour when the profile leaves it blank: the template's own header blue. */
export const DEFAULT_ACCENT = '1F4E79';

/** Lists the formulas and reports are built on (是/否, the follow-up states): the same in every workbook. */
export const FIXED_LISTS: readonly ListKey[] = ['deal', 'followUp'];

const MODE_WORDS: Record<string, ListMode> = { '': 'extend', extend: 'extend', 追加: 'extend', replace: 'replace', 替换: 'replace' };

/** A list by its zh or en name (客服 / Agent) or its key (agent). */
export function listKeyFor(name: string): ListKey | undefined {
  const n = name.trim().toLowerCase();
  return LIST_KEYS.find((k) => k.toLowerCase() === n || LISTS[k].zh === name.trim() || LISTS[k].en.toLowerCase() === n);
}

/** A file name from a client name: characters Windows forbids and control characters become _, no trailing dot. */
export function safeFileName(client: string): string {
  const cleaned = client
    .trim()
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  const base = cleaned === '' ? '_' : cleaned;
  // Device names cannot be file names on Windows.
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) ? `_${base}` : base;
}

function text(value: string | null | undefined): string {
  return (value ?? '').trim();
}

export function validateProfile(draft: ProfileDraft): AgencyProfile {
  const agency = text(draft.agency.value);
  if (agency === '') throw new ProfileError('missingName', draft.agency.where);
  const colorText = text(draft.color.value).replace(/^#/, '');
  if (colorText !== '' && !/^[0-9a-f]{6}$/i.test(colorText)) throw new ProfileError('badColor', draft.color.where, text(draft.color.value));
  const lists: AgencyProfile['lists'] = {};
  for (const list of draft.lists) {
    const key = listKeyFor(list.name);
    if (!key) throw new ProfileError('unknownList', list.where, list.name);
    if (FIXED_LISTS.includes(key)) throw new ProfileError('fixedList', list.where, list.name);
    const mode = MODE_WORDS[text(list.mode.value).toLowerCase()];
    if (!mode) throw new ProfileError('badMode', list.mode.where, text(list.mode.value));
    const items = [...new Set(list.items.map((i) => i.trim()).filter((i) => i !== ''))];
    if (items.length === 0) throw new ProfileError('emptyList', list.where, list.name);
    lists[key] = { mode, items };
  }
  if (draft.clients.length === 0) throw new ProfileError('noClients', draft.agency.where.replace(/!.*$/, ''));
  const seen = new Map<string, string>();
  const clients: ClientEntry[] = [];
  for (const c of draft.clients) {
    const client = text(c.client);
    if (client === '') throw new ProfileError('missingClient', c.where);
    // Two clients whose files would collide are duplicates too (张三/店 and 张三_店).
    const fileKey = safeFileName(client).toLowerCase();
    if (seen.has(fileKey)) throw new ProfileError('duplicateClient', c.where, client);
    seen.set(fileKey, c.where);
    clients.push({ client, shop: text(c.shop), platform: text(c.platform), contact: text(c.contact) });
  }
  return { agency, color: colorText === '' ? DEFAULT_ACCENT : colorText.toUpperCase(), logo: text(draft.logo.value) || null, lists, clients };
}

/** The lists a client's template carries: the defaults, extended or replaced by the agency's own. */
export function profileLists(profile: AgencyProfile): ListValues {
  const out = defaultListValues();
  for (const key of LIST_KEYS) {
    const own = profile.lists[key];
    if (!own) continue;
    out[key] = own.mode === 'replace' ? [...own.items] : [...new Set([...out[key], ...own.items])];
  }
  return out;
}
