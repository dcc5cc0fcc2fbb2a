import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.js';

/** A PostgreSQL server through a connection pool. */
export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const wrap = (client: Pick<pg.Pool, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      // query-catalogue: dynamic the driver adapter passes its callers' SQL through; they are catalogued at their own call sites
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async exec(sql) {
      // query-catalogue: dynamic exec passes a whole migration file through (several statements, no parameters)
      await pool.query(sql);
    },
    async transaction(fn, options) {
      const client = await pool.connect();
      try {
        // Without parameters pg uses the simple protocol, so BEGIN and the setup travel in one round trip.
        // query-catalogue: dynamic BEGIN plus the transaction's setup statement, built by withTenant from constants and a validated UUID
        await client.query(options?.setup ? `begin; ${options.setup}` : 'begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
