/**
 * The store's schema, versioned: each migration runs once, in order, inside a transaction, and records the version
 * it brings the store to in store_meta. A store written by a newer kit (a higher version) is refused, not altered.
 * Column names are the schema's keys in snake case; the row columns follow INPUT_KEYS (one source of columns).
 */
import { PLATFORM_TABLES, type PlatformKind } from '../../core/platform/columns';
import { INPUT_KEYS } from '../../core/schema';

export const STORE_VERSION = 2;

export function sqlColumn(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function rowColumns(): string {
  return INPUT_KEYS.map((k) => `${sqlColumn(k)} ${k === 'quantity' || k === 'amount' ? 'DOUBLE' : 'VARCHAR'}`).join(',\n  ');
}

/** Store table of each platform table (DESIGN.md "Platform data"): one per kind, all clients in it. */
export const PLATFORM_STORE_TABLES: Readonly<Record<PlatformKind, string>> = { traffic: 'platform_traffic', agents: 'platform_agents' };

/** Columns of a platform table as the store holds them: dates ISO text, ids and names text, the rest numbers. */
function platformColumns(kind: PlatformKind): string {
  return PLATFORM_TABLES[kind].columns.map((c) => `${sqlColumn(c.key)} ${c.type === 'date' || c.type === 'id' || c.type === 'text' ? 'VARCHAR' : 'DOUBLE'}`).join(',\n  ');
}

/**
 * Platform rows per client, keyed as in the workbook (date + 商品ID, blank = whole shop; date + 客服); each keeps the
 * export it came from and when it was first stored with these values.
 */
function platformTable(kind: PlatformKind): string {
  return `CREATE TABLE ${PLATFORM_STORE_TABLES[kind]} (
  client VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  ingested_at TIMESTAMP NOT NULL,
  ${platformColumns(kind)}
);`;
}

/** migrations[i] brings the store from version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE workbooks (
  workbook VARCHAR PRIMARY KEY,
  client VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE log_rows (
  workbook VARCHAR NOT NULL,
  client VARCHAR NOT NULL,
  sheet VARCHAR NOT NULL,
  sheet_row INTEGER NOT NULL,
  row_hash VARCHAR NOT NULL,
  problems VARCHAR NOT NULL,
  ingested_at TIMESTAMP NOT NULL,
  ${rowColumns()}
);`,
  // 2: imported platform exports (shop-stats import --store).
  `${platformTable('traffic')}
${platformTable('agents')}`,
];
