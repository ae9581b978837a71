/**
 * Import = replace by (date, scope): an export is the platform's full answer for the days it covers, so the rows it
 * brings replace every row of those days (a newer export for the same dates wins; a product that dropped out of the
 * newer export goes too). The traffic table holds two scopes that come from different exports — the whole shop
 * (商品ID blank) and single products — so a product export never removes the shop's rows, nor the other way round.
 * Importing the same file twice leaves the table as it was.
 */
import { PLATFORM_TABLES, type PlatformKind } from './columns';
import { platformRowKey, type PlatformRow } from './parse';

export interface MergeResult {
  rows: PlatformRow[];
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

function scope(kind: PlatformKind, row: PlatformRow): string {
  if (kind === 'traffic') return `${row.date}\u0001${row.productId === null || row.productId === '' ? 'shop' : 'product'}`;
  return String(row.date);
}

export function samePlatformRow(kind: PlatformKind, a: PlatformRow, b: PlatformRow): boolean {
  return PLATFORM_TABLES[kind].columns.every((c) => (a[c.key] ?? null) === (b[c.key] ?? null));
}

/** Rows sorted by date, then shop before products, then key: a stable order, so re-import rewrites nothing. */
export function sortPlatformRows(kind: PlatformKind, rows: PlatformRow[]): PlatformRow[] {
  const key = PLATFORM_TABLES[kind].keyColumn;
  return rows.sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
}

export function mergePlatformRows(kind: PlatformKind, existing: readonly PlatformRow[], incoming: readonly PlatformRow[]): MergeResult {
  const replacedScopes = new Set(incoming.map((r) => scope(kind, r)));
  const old = new Map(existing.map((r) => [platformRowKey(kind, r), r]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of incoming) {
    const before = old.get(platformRowKey(kind, r));
    if (!before) added++;
    else if (samePlatformRow(kind, before, r)) unchanged++;
    else updated++;
  }
  // Replaced rows that match an incoming key were counted as unchanged/updated; the rest are gone.
  const kept = existing.filter((r) => !replacedScopes.has(scope(kind, r)));
  const removed = existing.length - kept.length - (unchanged + updated);
  return { rows: sortPlatformRows(kind, [...kept, ...incoming.map((r) => ({ ...r }))]), added, updated, unchanged, removed };
}
