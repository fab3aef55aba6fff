import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database, Db, Logger } from './client';
import { acquireLock } from './lock';
import * as schema from './schema';

export const MEMORY = 'memory://';

/** The embedded database in `dir` (or in memory), one process at a time. */
export function pgliteDatabase(dir: string, logger: Logger, migrationsFolder: string): Database {
  let release = () => {};
  if (dir !== MEMORY) {
    const absolute = path.resolve(dir);
    fs.mkdirSync(absolute, { recursive: true, mode: 0o700 });
    // Two processes on one PGlite directory silently lose data: refuse instead.
    release = acquireLock(`${absolute}.lock`);
  }
  const client = new PGlite(dir === MEMORY ? undefined : path.resolve(dir));
  const db = drizzlePglite(client, { schema, logger });
  return {
    db: db as unknown as Db,
    lookUpDb: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    vacuum: async () => {
      await client.exec('vacuum (analyze)');
    },
    rawQuery: async (text, params = []) => (await client.query<Record<string, unknown>>(text, params)).rows,
    // In-process: no connection to lose, and a statement_timeout has no second process to enforce it.
    isDown: () => false,
    faultedWithin: () => false,
    async close() {
      await client.close();
      release();
    },
  };
}
