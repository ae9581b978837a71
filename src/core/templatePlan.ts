/**
 * The template decision, shared by the Office.js workbook (src/excel) and the in-memory one (src/memory):
 * given what a workbook holds (sheets, tables with their header rows, names, the template stamp), what must be
 * created or added so it carries the whole template — without deleting or moving any user data.
 * Pure data in, pure data out: both implementations read the workbook, call planTemplate, then apply the plan.
 */
import { fill } from './i18n';
import { workbookText } from './i18n/workbook';
import {
  COLUMNS, DICT_SHEET, LISTS, LIST_KEYS, LOG_SHEET, LOG_TABLE, META_KEYS, META_TABLE, REPORT_SHEET, TEMPLATE_ID, TEMPLATE_VERSION,
  keyForHeader, mapHeaders, type ColumnKey, type Lang, type ListKey,
} from './schema';
import type { TemplateChange, TemplateChangeKind, TemplateOptions, TemplateResult } from './workbook';

/** The first template version whose rules live on the table's columns only. */
export const RULES_ON_TABLE_VERSION = 2;

/** A table is taken for the log when its header row holds at least this many schema headers (zh or en). */
export const MIN_LOG_HEADERS = 6;

export interface FoundTable {
  name: string;
  sheet: string;
  headers: string[];
}

export interface WorkbookShape {
  sheets: string[];
  /** Sheets that hold any cell content (a new log table must not land on someone's data). */
  nonEmptySheets: string[];
  tables: FoundTable[];
  /** Workbook-level names. */
  names: string[];
  /** Key/value rows of META_TABLE; null when the table is absent. */
  meta: Record<string, string> | null;
}

export type LogPlan =
  | { action: 'create'; sheet: string; lang: Lang }
  | {
      action: 'use';
      table: FoundTable;
      /** Rename to LOG_TABLE when that name is free; null to keep the name. */
      renameTo: string | null;
      /** The language of the table's own headers (new columns follow it). */
      lang: Lang;
      /** Schema columns absent from the table, in schema order; added at the end. */
      missing: ColumnKey[];
      /** User columns kept as they are. */
      kept: string[];
    };

export interface TemplatePlan {
  status: TemplateResult['status'];
  candidates: string[];
  /** Null only when ambiguous. */
  log: LogPlan | null;
  createSheets: string[];
  lists: ListKey[];
  names: ListKey[];
  /**
   * The workbook carries an older template version whose rules sit on spare rows below the log table: clear them
   * there and put them on the table's columns (version 1 → 2).
   */
  moveRules: boolean;
  /** Write (or rewrite) the template stamp. */
  stampMeta: boolean;
  metaExists: boolean;
  changes: TemplateChange[];
  keptColumns: string[];
}

function change(kind: TemplateChangeKind, target: string, extra: Record<string, string | number> = {}): TemplateChange {
  const text = kind === 'renamedTable' && !('from' in extra) ? workbookText.usedTable : workbookText[kind];
  return { kind, target, message: fill(text, { target, ...extra }) };
}

/** How many schema headers a header row holds. */
export function schemaHeaderCount(headers: readonly unknown[]): number {
  return COLUMNS.length - mapHeaders(headers).missing.length;
}

/** The language of a header row: English when more of its schema headers are English than Chinese. */
export function detectLang(headers: readonly unknown[], fallback: Lang): Lang {
  let zh = 0;
  let en = 0;
  for (const h of headers) {
    const key = keyForHeader(h);
    if (!key) continue;
    const def = COLUMNS.find((c) => c.key === key)!;
    const text = String(h).trim();
    if (text === def.zh) zh++;
    else if (text.toLowerCase() === def.en.toLowerCase()) en++;
  }
  if (zh === 0 && en === 0) return fallback;
  return en > zh ? 'en-US' : 'zh-CN';
}

/** A sheet name not yet used: base, then "base (2)", "base (3)"… */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((s) => s.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export function planTemplate(shape: WorkbookShape, options: TemplateOptions): TemplatePlan {
  const lang = options.lang;
  const tableNames = new Set(shape.tables.map((t) => t.name.toLowerCase()));
  const names = new Set(shape.names.map((n) => n.toLowerCase()));
  const changes: TemplateChange[] = [];
  const createSheets: string[] = [];
  const sheets = [...shape.sheets];
  const addSheet = (name: string) => {
    createSheets.push(name);
    sheets.push(name);
    changes.push(change('createdSheet', name));
  };

  // 1. Which table is the log.
  const isOurs = (t: FoundTable) => t.name === META_TABLE || LIST_KEYS.some((k) => LISTS[k].tableName === t.name);
  const candidates = shape.tables.filter((t) => !isOurs(t) && schemaHeaderCount(t.headers) >= MIN_LOG_HEADERS);
  let chosen: FoundTable | undefined;
  if (options.useTable) chosen = shape.tables.find((t) => t.name === options.useTable);
  if (!chosen) chosen = shape.tables.find((t) => t.name === LOG_TABLE);
  if (!chosen && candidates.length === 1) chosen = candidates[0];
  if (!chosen && candidates.length > 1) {
    return {
      status: 'ambiguous', candidates: candidates.map((t) => t.name), log: null, createSheets: [], lists: [], names: [],
      moveRules: false, stampMeta: false, metaExists: shape.meta !== null, changes: [], keptColumns: [],
    };
  }

  let log: LogPlan;
  let keptColumns: string[] = [];
  if (chosen) {
    const mapped = mapHeaders(chosen.headers);
    const tableLang = detectLang(chosen.headers, lang);
    const renameTo = chosen.name !== LOG_TABLE && !tableNames.has(LOG_TABLE.toLowerCase()) && !names.has(LOG_TABLE.toLowerCase()) ? LOG_TABLE : null;
    keptColumns = mapped.extra.filter((h) => h !== '');
    log = { action: 'use', table: chosen, renameTo, lang: tableLang, missing: mapped.missing, kept: keptColumns };
    if (chosen.name !== LOG_TABLE) {
      changes.push(renameTo ? change('renamedTable', LOG_TABLE, { from: chosen.name }) : change('renamedTable', chosen.name));
    }
    for (const key of mapped.missing) {
      const def = COLUMNS.find((c) => c.key === key)!;
      changes.push(change('addedColumn', tableLang === 'en-US' ? def.en : def.zh));
    }
  } else {
    const sheetExists = sheets.some((s) => s.toLowerCase() === LOG_SHEET.toLowerCase());
    const occupied = shape.nonEmptySheets.some((s) => s.toLowerCase() === LOG_SHEET.toLowerCase());
    const sheet = sheetExists && occupied ? freeSheetName(LOG_SHEET, sheets) : LOG_SHEET;
    if (!sheets.some((s) => s.toLowerCase() === sheet.toLowerCase())) addSheet(sheet);
    log = { action: 'create', sheet, lang };
    changes.push(change('createdLogTable', LOG_TABLE));
    changes.push(change('appliedValidation', LOG_TABLE));
    changes.push(change('appliedFormats', LOG_TABLE));
  }

  // 2. Dictionary lists, their names, the stamp, the report sheet.
  const lists = LIST_KEYS.filter((k) => !tableNames.has(LISTS[k].tableName.toLowerCase()));
  const missingNames = LIST_KEYS.filter((k) => !names.has(LISTS[k].rangeName.toLowerCase()));
  const metaExists = shape.meta !== null;
  const stampedVersion = shape.meta ? Number(shape.meta[META_KEYS.version]) : NaN;
  const stampMeta = !shape.meta || shape.meta[META_KEYS.templateId] !== TEMPLATE_ID || !(stampedVersion >= TEMPLATE_VERSION);
  // Version 1 put its rules on rows below the table; an unstamped table never had ours.
  const moveRules = log.action === 'use' && shape.meta?.[META_KEYS.templateId] === TEMPLATE_ID && stampedVersion < RULES_ON_TABLE_VERSION;
  if (moveRules) changes.push(change('movedRules', log.action === 'use' ? (log.renameTo ?? log.table.name) : LOG_TABLE, { from: stampedVersion, to: TEMPLATE_VERSION }));
  const needsDict = lists.length > 0 || stampMeta;
  if (needsDict && !sheets.some((s) => s.toLowerCase() === DICT_SHEET.toLowerCase())) addSheet(DICT_SHEET);
  if (!sheets.some((s) => s.toLowerCase() === REPORT_SHEET.toLowerCase())) addSheet(REPORT_SHEET);
  for (const k of lists) changes.push(change('createdList', LISTS[k].tableName));
  for (const k of missingNames) changes.push(change('addedName', LISTS[k].rangeName));
  if (stampMeta) changes.push(change('stampedVersion', String(TEMPLATE_VERSION)));

  const status: TemplatePlan['status'] = log.action === 'create' ? 'inserted' : changes.length > 0 ? 'repaired' : 'unchanged';
  return { status, candidates: candidates.map((t) => t.name), log, createSheets, lists, names: missingNames, moveRules, stampMeta, metaExists, changes, keptColumns };
}

export function planResult(plan: TemplatePlan): TemplateResult {
  const result: TemplateResult = { status: plan.status, changes: plan.changes };
  if (plan.status === 'ambiguous') result.candidates = plan.candidates;
  if (plan.keptColumns.length > 0) result.keptColumns = plan.keptColumns;
  return result;
}

// ---------------------------------------------------------------- layout shared by both implementations

/** Column (0-based) of each list on 字典: every other column so the tables never touch (same as the CLI kit). */
export function dictColumn(list: ListKey): number {
  return LIST_KEYS.indexOf(list) * 2;
}

/** Column (0-based) of the template stamp table on 字典, right of the lists. */
export const META_COLUMN = LIST_KEYS.length * 2;

export function listHeader(list: ListKey, lang: Lang): string {
  return lang === 'en-US' ? LISTS[list].en : LISTS[list].zh;
}

export function metaHeaders(lang: Lang): [string, string] {
  return [workbookText.metaKey[lang], workbookText.metaValue[lang]];
}

export function metaRows(lang: Lang): Array<[string, string | number]> {
  return [
    [META_KEYS.templateId, TEMPLATE_ID],
    [META_KEYS.version, TEMPLATE_VERSION],
    ['lang', lang],
  ];
}

/** Read META_TABLE body rows into a key → value record. */
export function metaFromRows(rows: readonly unknown[][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r[0] !== undefined && r[0] !== null && r[0] !== '') out[String(r[0])] = String(r[1] ?? '');
  return out;
}

/** Header text of a schema column in a language. */
export function columnHeader(key: ColumnKey, lang: Lang): string {
  const def = COLUMNS.find((c) => c.key === key)!;
  return lang === 'en-US' ? def.en : def.zh;
}

/** Excel column width in points for a width in character units (Calibri 11: 7 px per character + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
