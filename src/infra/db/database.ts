/**
 * One query API over PostgreSQL: embedded PGlite by default, any PostgreSQL >= 15 through DATABASE_URL.
 * Repositories see only `Queryable`; the same SQL and migrations run on both.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction on one connection; commits on success, rolls back on any error. `setup` is
   * parameterless SQL (one or more statements) run right after BEGIN — in the same round trip on a server — for transaction-local
   * settings; it must not contain input that has not been validated.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: { setup?: string }): Promise<T>;
  close(): Promise<void>;
}
