/**
 * The store's schema, versioned: each migration runs once, in order, inside a transaction, and records the version
 * it brings the store to in store_meta. A store written by a newer kit (a higher version) is refused, not altered.
 * Column names are the schema's keys in snake case; the row columns follow INPUT_KEYS (one source of columns).
 */
import { INPUT_KEYS, type InputKey } from '../../core/schema';

export const STORE_VERSION = 1;

export function sqlColumn(key: InputKey): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function rowColumns(): string {
  return INPUT_KEYS.map((k) => `${sqlColumn(k)} ${k === 'quantity' || k === 'amount' ? 'DOUBLE' : 'VARCHAR'}`).join(',\n  ');
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
];
