/**
 * SQL migrations: numbered files in migrations/, applied in order, each in its own transaction, once.
 * One runner at a time (advisory lock), a lock timeout so a migration never queues behind a long transaction
 * forever, and a checksum so an applied migration cannot be edited silently.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.js';
import type { Database } from './database.js';

const LOCK_KEY = 727_311_001; // arbitrary, constant: the migration advisory lock
const NO_TRANSACTION = /^--\s*loopcoach:no-transaction\b/m;

export interface MigrationFile {
  id: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{4}_[a-z0-9_]+\.sql$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name), 'utf8');
      return { id: name.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

export async function migrate(db: Database, dir: string): Promise<{ applied: string[] }> {
  const files = await readMigrations(dir);
  await db.exec(`create table if not exists schema_migrations (
    id text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  await db.query('select pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    const done = new Map(
      (await db.query<{ id: string; checksum: string }>('select id, checksum from schema_migrations')).rows.map((r) => [r.id, r.checksum]),
    );
    const applied: string[] = [];
    for (const file of files) {
      const prior = done.get(file.id);
      if (prior !== undefined) {
        if (prior !== file.checksum) {
          throw new AppError('CONFIG_INVALID', `migration ${file.id} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      if (NO_TRANSACTION.test(file.sql)) {
        // query-catalogue: dynamic a migration file marked to run outside a transaction (migrations/*.sql), as the owner; queries:check parses the migrations themselves
        await db.exec(file.sql);
        await db.query('insert into schema_migrations (id, checksum) values ($1, $2)', [file.id, file.checksum]);
      } else {
        await db.transaction(async (tx) => {
          await tx.query(`set local lock_timeout = '10s'`);
          // query-catalogue: dynamic each statement of a migration file (migrations/*.sql), run as the owner; queries:check parses the migrations themselves
          for (const statement of splitStatements(file.sql)) await tx.query(statement);
          await tx.query('insert into schema_migrations (id, checksum) values ($1, $2)', [file.id, file.checksum]);
        });
      }
      applied.push(file.id);
    }
    // Server mode connects as the app role and checks at start-up that the schema is current.
    await db.exec(`do $$ begin
      if exists (select 1 from pg_roles where rolname = 'loopcoach_app') then grant select on schema_migrations to loopcoach_app; end if;
    end $$`);
    return { applied };
  } finally {
    await db.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}

/**
 * Splits a migration into statements on semicolons outside quotes, comments and dollar-quoted bodies, so each runs
 * through the same parameterless `query` on both drivers inside one transaction.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const rest = sql.slice(i);
    if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch && sql[j + 1] === ch) j += 2;
        else if (sql[j] === ch) break;
        else j++;
      }
      i = j + 1;
    } else if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(rest)?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        i = end === -1 ? sql.length : end + tag.length;
      } else i++;
    } else if (ch === ';') {
      out.push(sql.slice(start, i));
      start = ++i;
    } else i++;
  }
  out.push(sql.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
}
