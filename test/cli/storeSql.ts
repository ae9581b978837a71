/** Plain SQL against a store file, for tests that check what the kit wrote (never through the kit's own queries). */
import { DuckDBInstance } from '@duckdb/node-api';

export async function sql(store: string, query: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(store);
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(query)).getRows();
  } finally {
    c.closeSync();
    db.closeSync();
  }
}
