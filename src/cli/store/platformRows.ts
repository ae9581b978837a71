/**
 * Platform rows in the store (`shop-stats import --store`): a client's rows of one platform table are merged with an
 * export by the same core rule as a workbook import (replace the days an export covers), then written back in the
 * caller's transaction. A row that comes back with the same values keeps its source file and first ingestion time,
 * and a table whose merge changed nothing is not written at all, so the same export twice leaves the store as it was.
 */
import { timestampValue } from '@duckdb/node-api';
import { PLATFORM_TABLES, type PlatformKind } from '../../core/platform/columns';
import { mergePlatformRows, samePlatformRow, type MergeResult } from '../../core/platform/merge';
import { platformRowKey, type PlatformRow } from '../../core/platform/parse';
import { PLATFORM_STORE_TABLES, sqlColumn } from './schema';
import type { Store } from './store';

interface StoredPlatformRow {
  row: PlatformRow;
  sourceFile: string;
  atUs: bigint;
}

const columnsOf = (kind: PlatformKind) => PLATFORM_TABLES[kind].columns;

async function readClientRows(store: Store, kind: PlatformKind, client: string): Promise<StoredPlatformRow[]> {
  const cols = columnsOf(kind);
  const r = await store.db.runAndReadAll(
    `SELECT source_file, epoch_us(ingested_at), ${cols.map((c) => sqlColumn(c.key)).join(', ')} FROM ${PLATFORM_STORE_TABLES[kind]} WHERE client = $1`,
    [client],
  );
  return r.getRows().map((x) => {
    const row: PlatformRow = {};
    cols.forEach((c, i) => {
      const v = x[i + 2];
      row[c.key] = v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
    });
    return { row, sourceFile: x[0] as string, atUs: x[1] as bigint };
  });
}

/** Clients holding platform rows in the store. */
export async function platformClients(store: Store): Promise<string[]> {
  const r = await store.db.runAndReadAll(
    `SELECT client FROM ${PLATFORM_STORE_TABLES.traffic} UNION SELECT client FROM ${PLATFORM_STORE_TABLES.agents}`,
  );
  return r.getRows().map((x) => x[0] as string);
}

/** A client's rows of one table, in the workbook's order. */
export async function storedPlatformRows(store: Store, kind: PlatformKind, client: string): Promise<PlatformRow[]> {
  return mergePlatformRows(kind, [], (await readClientRows(store, kind, client)).map((s) => s.row)).rows;
}

/**
 * Merge one export's rows into a client's table; call inside a transaction. Returns the merge counts (as the
 * workbook import prints them).
 */
export async function mergeIntoStore(store: Store, kind: PlatformKind, client: string, incoming: readonly PlatformRow[], sourceFile: string, now: Date): Promise<MergeResult> {
  const old = await readClientRows(store, kind, client);
  const merged = mergePlatformRows(kind, old.map((s) => s.row), incoming);
  if (merged.added + merged.updated + merged.removed === 0) return merged;
  const kept = new Map(old.map((s) => [platformRowKey(kind, s.row), s]));
  const nowUs = BigInt(now.getTime()) * BigInt(1000);
  await store.db.run(`DELETE FROM ${PLATFORM_STORE_TABLES[kind]} WHERE client = $1`, [client]);
  const appender = await store.db.createAppender(PLATFORM_STORE_TABLES[kind]);
  for (const row of merged.rows) {
    const before = kept.get(platformRowKey(kind, row));
    const same = before !== undefined && samePlatformRow(kind, before.row, row);
    appender.appendVarchar(client);
    appender.appendVarchar(same ? before.sourceFile : sourceFile);
    appender.appendTimestamp(timestampValue(same ? before.atUs : nowUs));
    for (const c of columnsOf(kind)) {
      const v = row[c.key] ?? null;
      if (v === null) appender.appendNull();
      else if (typeof v === 'number') appender.appendDouble(v);
      else appender.appendVarchar(v);
    }
    appender.endRow();
  }
  appender.closeSync();
  return merged;
}
