/**
 * The agency store: one DuckDB file holding every collected client log row. A workbook is known by its client
 * (the identity stamp, else the file name), so a client's newer workbook replaces that workbook's rows: rows are
 * matched by content hash (unchanged rows keep their first ingestion time even when they moved), a row whose place
 * now holds other content counts as changed, the rest as added or removed. Each workbook is written in one
 * transaction, so an interrupted run leaves the store as it was before that workbook.
 */
import * as path from 'path';
import { DuckDBConnection, DuckDBInstance, timestampValue } from '@duckdb/node-api';
import { INPUT_KEYS, type LogEntry } from '../../core/schema';
import { MIGRATIONS, STORE_VERSION, sqlColumn } from './schema';
import type { StoredRow, WorkbookRows } from './workbookRows';

export interface IngestCounts {
  client: string;
  /** 'same': the identical file was collected before; nothing was written. */
  status: 'new' | 'updated' | 'same';
  added: number;
  changed: number;
  removed: number;
  errorRows: number;
}

export class StoreVersionError extends Error {
  constructor(readonly found: number) {
    super(`store version ${found} is newer than ${STORE_VERSION}`);
  }
}

const VALUE_COLUMNS = INPUT_KEYS.map(sqlColumn);
/** DuckDB's own memory bound (buffers, sorts); the Node side adds its heap on top. */
const MEMORY_LIMIT = '384MB';

export class Store {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly db: DuckDBConnection,
  ) {}

  static async open(file: string): Promise<Store> {
    const instance = await DuckDBInstance.create(file);
    const store = new Store(instance, await instance.connect());
    // DuckDB defaults to 80 % of RAM; a bound keeps every command under the kit's 1 GB target (sorts spill to disk).
    await store.db.run(`SET memory_limit = '${MEMORY_LIMIT}'`);
    await store.migrate();
    return store;
  }

  close(): void {
    this.db.closeSync();
    this.instance.closeSync();
  }

  async version(): Promise<number> {
    await this.db.run('CREATE TABLE IF NOT EXISTS store_meta (version INTEGER NOT NULL)');
    const r = await this.db.runAndReadAll('SELECT max(version) FROM store_meta');
    return Number(r.getRows()[0][0] ?? 0);
  }

  private async migrate(): Promise<void> {
    const from = await this.version();
    if (from > STORE_VERSION) throw new StoreVersionError(from);
    for (let v = from; v < STORE_VERSION; v++) {
      await this.db.run('BEGIN TRANSACTION');
      try {
        await this.db.run(MIGRATIONS[v]);
        await this.db.run('INSERT INTO store_meta VALUES ($1)', [v + 1]);
        await this.db.run('COMMIT');
      } catch (e) {
        await this.db.run('ROLLBACK');
        throw e;
      }
    }
  }

  /**
   * Put one workbook's rows in place of what the store held for it. `beforeCommit` runs inside the transaction
   * after every write (the interrupted-run test throws there).
   */
  async ingest(wb: WorkbookRows, now: Date = new Date(), beforeCommit?: () => void): Promise<IngestCounts> {
    const key = wb.client;
    const errorRows = wb.rows.filter((r) => r.problems !== '').length;
    const known = await this.db.runAndReadAll('SELECT sha256 FROM workbooks WHERE workbook = $1', [key]);
    const knownSha = known.getRows()[0]?.[0] as string | undefined;
    if (knownSha === wb.sha256) return { client: wb.client, status: 'same', added: 0, changed: 0, removed: 0, errorRows };

    await this.db.run('BEGIN TRANSACTION');
    try {
      const old = await this.db.runAndReadAll('SELECT sheet, sheet_row, row_hash, epoch_us(ingested_at) FROM log_rows WHERE workbook = $1', [key]);
      const diff = diffRows(old.getRows().map((r) => ({ sheet: r[0] as string, sheetRow: Number(r[1]), hash: r[2] as string, at: r[3] as bigint })), wb.rows);
      await this.db.run('DELETE FROM log_rows WHERE workbook = $1', [key]);
      const nowUs = BigInt(now.getTime()) * BigInt(1000);
      const appender = await this.db.createAppender('log_rows');
      wb.rows.forEach((row, i) => {
        appender.appendVarchar(key);
        appender.appendVarchar(wb.client);
        appender.appendVarchar(row.sheet);
        appender.appendInteger(row.sheetRow);
        appender.appendVarchar(row.hash);
        appender.appendVarchar(row.problems);
        appender.appendTimestamp(timestampValue(diff.keptAt[i] ?? nowUs));
        for (const v of row.values) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'number') appender.appendDouble(v);
          else appender.appendVarchar(v);
        }
        appender.endRow();
      });
      appender.closeSync();
      await this.db.run('DELETE FROM workbooks WHERE workbook = $1', [key]);
      await this.db.run('INSERT INTO workbooks VALUES ($1, $2, $3, $4, $5)', [key, wb.client, wb.file, wb.sha256, timestampValue(nowUs)]);
      beforeCommit?.();
      await this.db.run('COMMIT');
      return { client: wb.client, status: knownSha === undefined ? 'new' : 'updated', added: diff.added, changed: diff.changed, removed: diff.removed, errorRows };
    } catch (e) {
      await this.db.run('ROLLBACK');
      throw e;
    }
  }

  /**
   * "file name + hash" → client of every workbook collected, so the same file sent again is recognised before it
   * is read (the name is part of the key: two clients may send byte-identical files, e.g. two blank templates).
   */
  async knownFiles(): Promise<Map<string, string>> {
    const r = await this.db.runAndReadAll('SELECT file, sha256, client FROM workbooks');
    return new Map(r.getRows().map((x) => [knownFileKey(x[0] as string, x[1] as string), x[2] as string]));
  }

  async clients(): Promise<string[]> {
    const r = await this.db.runAndReadAll('SELECT DISTINCT client FROM log_rows ORDER BY client');
    return r.getRows().map((x) => x[0] as string);
  }

  /** Valid rows of a client (all clients when null) dated within [from, to], as core log entries. */
  async entries(client: string | null, from: string, to: string): Promise<{ client: string; entry: LogEntry }[]> {
    const where = client === null ? '' : 'AND client = $3';
    const params = client === null ? [from, to] : [from, to, client];
    const r = await this.db.runAndReadAll(
      `SELECT client, ${VALUE_COLUMNS.join(', ')} FROM log_rows WHERE problems = '' AND date BETWEEN $1 AND $2 ${where} ORDER BY client, workbook, sheet, sheet_row`,
      params,
    );
    return r.getRows().map((row) => {
      const e = {} as Record<string, unknown>;
      INPUT_KEYS.forEach((k, i) => (e[k] = row[i + 1] ?? null));
      return { client: row[0] as string, entry: e as unknown as LogEntry };
    });
  }

  /** Per client: earliest and latest valid date, rows with errors, latest date of any row. */
  async clientFacts(): Promise<Map<string, { heldFrom: string | null; lastEntry: string | null; errorRows: number }>> {
    const r = await this.db.runAndReadAll(
      `SELECT client, min(date) FILTER (WHERE problems = ''), max(date) FILTER (WHERE problems = ''), count(*) FILTER (WHERE problems <> '')
       FROM log_rows GROUP BY client`,
    );
    return new Map(r.getRows().map((x) => [x[0] as string, { heldFrom: (x[1] as string) ?? null, lastEntry: (x[2] as string) ?? null, errorRows: Number(x[3]) }]));
  }

  /** Rows with errors of a client, by error code (a row with two kinds counts under each). */
  async quality(client: string): Promise<{ code: string; rows: number }[]> {
    const r = await this.db.runAndReadAll(
      `SELECT code, count(*) AS n FROM (SELECT unnest(string_split(problems, ',')) AS code FROM log_rows WHERE client = $1 AND problems <> '')
       GROUP BY code ORDER BY n DESC, code`,
      [client],
    );
    return r.getRows().map((x) => ({ code: x[0] as string, rows: Number(x[1]) }));
  }

  async rowCount(): Promise<number> {
    const r = await this.db.runAndReadAll('SELECT count(*) FROM log_rows');
    return Number(r.getRows()[0][0]);
  }
}

export function knownFileKey(file: string, sha256: string): string {
  return `${path.basename(file)}\u0000${sha256}`;
}

interface OldRow {
  sheet: string;
  sheetRow: number;
  hash: string;
  at: bigint;
}

/**
 * Match new rows to old ones the way a person reads a diff: the same content anywhere in the workbook is the same
 * row (a row that moved because one above it was deleted is not a change). Unchanged rows are anchors; between two
 * anchors, unmatched old and new rows pair up as changed rows, and what is left over was added or removed.
 */
export function diffRows(old: readonly OldRow[], rows: readonly StoredRow[]): { added: number; changed: number; removed: number; keptAt: (bigint | undefined)[] } {
  const byPlace = (a: { sheet: string; sheetRow: number }, b: { sheet: string; sheetRow: number }) =>
    a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.sheetRow - b.sheetRow;
  const oldSorted = [...old].sort(byPlace);
  const oldIndex = new Map<OldRow, number>(oldSorted.map((o, i) => [o, i]));
  const byHash = new Map<string, OldRow[]>();
  for (const o of oldSorted) {
    const list = byHash.get(o.hash);
    if (list) list.push(o);
    else byHash.set(o.hash, [o]);
  }
  const keptAt: (bigint | undefined)[] = new Array(rows.length);
  const matchedOld = new Set<number>();
  const newOrder = rows.map((_, i) => i).sort((a, b) => byPlace(rows[a], rows[b]));
  // Gap key of a new row: the old position of the last matched row before it (-1 before the first).
  const newPerGap = new Map<number, number>();
  let anchor = -1;
  for (const i of newOrder) {
    const o = byHash.get(rows[i].hash)?.shift();
    if (o) {
      keptAt[i] = o.at;
      anchor = oldIndex.get(o) as number;
      matchedOld.add(anchor);
    } else newPerGap.set(anchor, (newPerGap.get(anchor) ?? 0) + 1);
  }
  const oldPerGap = new Map<number, number>();
  anchor = -1;
  oldSorted.forEach((_, j) => {
    if (matchedOld.has(j)) anchor = j;
    else oldPerGap.set(anchor, (oldPerGap.get(anchor) ?? 0) + 1);
  });
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const gap of new Set([...newPerGap.keys(), ...oldPerGap.keys()])) {
    const n = newPerGap.get(gap) ?? 0;
    const o = oldPerGap.get(gap) ?? 0;
    const pairs = Math.min(n, o);
    changed += pairs;
    added += n - pairs;
    removed += o - pairs;
  }
  return { added, changed, removed, keptAt };
}
