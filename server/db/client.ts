import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './data-dir-lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Where the data lives, for start-up messages (never the password). */
  location: string;
  /** The embedded client (PGlite) or connection string (PostgreSQL), for pg-boss. */
  pglite?: PGlite;
  connectionString?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, PostgreSQL is used and dataDir is ignored. */
  databaseUrl?: string;
  /** Embedded PGlite directory; omitted means an in-memory database (tests). */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const safe = new URL(url);
  safe.password = safe.password ? '***' : '';
  return { db, kind: 'postgres', location: safe.toString(), connectionString: url, close: () => pool.end() };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = new PGlite({
      ...(dataDir ? { dataDir: path.join(dataDir, 'pglite') } : {}),
      // A small buffer pool keeps the embedded server's memory modest (DESIGN.md "PGlite facts").
      postgresqlconf: ['shared_buffers = 16MB'],
    });
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: dataDir ? path.resolve(dataDir) : 'memory',
      pglite: client,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
