import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database.js';

/** Embedded PostgreSQL (WASM). `dataDir` undefined means in memory. */
export async function openPglite(dataDir?: string): Promise<Database> {
  return pgliteDatabase(await PGlite.create(dataDir));
}

/** The `Database` over an open PGlite instance (for tools that also need PGlite's own API, e.g. scripts/check-queries.ts). */
export function pgliteDatabase(pg: PGlite): Database {
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      // query-catalogue: dynamic the driver adapter passes its callers' SQL through; they are catalogued at their own call sites
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    async exec(sql) {
      // query-catalogue: dynamic exec passes a whole migration file through (several statements, no parameters)
      await pg.exec(sql);
    },
    transaction: (fn, options) =>
      pg.transaction(async (tx) => {
        // query-catalogue: dynamic the transaction's setup statement, built by withTenant from constants and a validated UUID
        if (options?.setup) await tx.exec(options.setup);
        return fn(wrap(tx));
      }),
    close: () => pg.close(),
  };
}
