/**
 * A platform export (already read into rows of cells) → typed rows of one platform table. The report kind is
 * recognised from the header row only (never the file name): the header row is the first of the top rows that holds
 * a table's signature columns; title rows above it are the preamble. Summary rows (汇总, 均值, 合计 …) and blank
 * rows are dropped. Anything that cannot be read is a problem with one message, and nothing is imported.
 */
import { fill, type Text } from '../i18n';
import { platform as P } from '../i18n/platform';
import { mapPlatformHeaders, PLATFORM_KINDS, PLATFORM_TABLES, type PlatformKind } from './columns';
import { parsePlatformDate, parsePlatformValue, PlatformValueError, type PlatformValue } from './values';

/** One typed row: column key → value (dates ISO, ids and text as strings, numbers as numbers, blanks null). */
export type PlatformRow = Record<string, PlatformValue>;

export interface ParsedExport {
  kind: PlatformKind;
  rows: PlatformRow[];
  /** Distinct dates in the rows, ascending. */
  dates: string[];
  /** 1-based row of the header in the file. */
  headerRow: number;
  /** File headers that map to no column (kept out of the tables). */
  ignoredHeaders: string[];
  summaryRows: number;
}

export class PlatformImportError extends Error {
  constructor(readonly text: Text) {
    super(text['en-US']);
    this.name = 'PlatformImportError';
  }
}

/** The header row is looked for in this many top rows (生意参谋 puts it on about row 5). */
const HEADER_SEARCH_ROWS = 30;
const SUMMARY_LABEL = /^(汇总|总计|合计|均值|平均|平均值|总体|合计值|total|sum|average|avg)[:：]?$/i;

export interface ParseOptions {
  /** Name used in messages. */
  file: string;
  /** The day of an export that has no date column (CLI --date); else a single day in the preamble is used. */
  date?: string;
}

const isBlankCell = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function findHeader(rows: readonly unknown[][], file: string): { kind: PlatformKind; index: number; positions: Record<string, number> } {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const matches = PLATFORM_KINDS.map((kind) => ({ kind, positions: mapPlatformHeaders(kind, rows[i] ?? []) })).filter((m) =>
      PLATFORM_TABLES[m.kind].signature.every((k) => m.positions[k] !== undefined),
    );
    if (matches.length > 1) throw new PlatformImportError(fill(P.ambiguousKind, { file }));
    if (matches.length === 1) return { ...matches[0], index: i };
  }
  throw new PlatformImportError(fill(P.unknownKind, { file }));
}

/** A single day named in the title rows ("统计时间：2026-11-01" or "2026-11-01 ~ 2026-11-01"), else null. */
function dayInPreamble(preamble: readonly unknown[][]): string | null {
  const found = new Set<string>();
  for (const row of preamble)
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      for (const m of cell.matchAll(/\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\b\d{8}\b/g)) {
        const d = parsePlatformDate(m[0]);
        if (d) found.add(d);
      }
    }
  return found.size === 1 ? [...found][0] : null;
}

function isSummaryRow(row: readonly unknown[]): boolean {
  return row.some((c) => typeof c === 'string' && SUMMARY_LABEL.test(c.trim()));
}

export function parseExport(rows: readonly unknown[][], options: ParseOptions): ParsedExport {
  const { file } = options;
  if (rows.every((r) => r.every(isBlankCell))) throw new PlatformImportError(fill(P.empty, { file }));
  const { kind, index, positions } = findHeader(rows, file);
  const def = PLATFORM_TABLES[kind];
  const header = rows[index];
  let fixedDate: string | null = null;
  if (positions.date === undefined) {
    fixedDate = (options.date && parsePlatformDate(options.date)) || dayInPreamble(rows.slice(0, index));
    if (!fixedDate) throw new PlatformImportError(fill(P.noDate, { file }));
  }
  const mapped = new Set(Object.values(positions));
  const ignoredHeaders = header.map((h, i) => (mapped.has(i) || isBlankCell(h) ? '' : String(h))).filter(Boolean);

  const byKey = new Map<string, PlatformRow>();
  let summaryRows = 0;
  for (let r = index + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every(isBlankCell)) continue;
    if (isSummaryRow(cells)) {
      summaryRows++;
      continue;
    }
    const row: PlatformRow = {};
    for (const c of def.columns) {
      const at = positions[c.key];
      if (at === undefined) {
        row[c.key] = null;
        continue;
      }
      try {
        row[c.key] = parsePlatformValue(cells[at], c.type);
      } catch (e) {
        if (!(e instanceof PlatformValueError)) throw e;
        throw new PlatformImportError(fill(P.badValue, { file, row: r + 1, header: String(header[at]), value: String(cells[at]) }));
      }
    }
    if (fixedDate) row.date = fixedDate;
    // A footnote under the table ("数据来源：生意参谋") has text but no date: not a data row.
    if (row.date === null) continue;
    if (kind === 'agents') row.agent = agentName(row.agent);
    byKey.set(platformRowKey(kind, row), row);
  }
  const out = [...byKey.values()];
  if (out.length === 0) throw new PlatformImportError(fill(P.noRows, { file }));
  const dates = [...new Set(out.map((r) => String(r.date)))].sort();
  return { kind, rows: out, dates, headerRow: index + 1, ignoredHeaders, summaryRows };
}

/**
 * 千牛 names sub-accounts "店铺名:客服名"; the log's 客服 list holds the agent's own name, so the part after the last
 * colon is kept (that is what the reconciliation by agent matches on).
 */
export function agentName(raw: PlatformValue): string | null {
  if (raw === null) return null;
  const s = String(raw).trim();
  const cut = Math.max(s.lastIndexOf(':'), s.lastIndexOf('：'));
  return cut >= 0 && cut < s.length - 1 ? s.slice(cut + 1).trim() : s;
}

/** The table key: date + product ID (blank = whole shop) or date + agent. */
export function platformRowKey(kind: PlatformKind, row: PlatformRow): string {
  return `${row.date}\u0001${row[PLATFORM_TABLES[kind].keyColumn] ?? ''}`;
}
