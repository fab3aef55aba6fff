import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { createDatabase, MEMORY, type Database } from '@/db/client';
import { closeDatabase, useDatabase } from '@/db/index';

/**
 * Gives the calling test file a fresh, migrated database of its own and installs it as the
 * process's database: an in-memory PGlite by default, or a new PostgreSQL database created
 * next to DATABASE_URL's (and dropped afterwards) when that variable is set.
 */
export function withTestDatabase(): { current: () => Database; url: () => string | undefined } {
  let database: Database | undefined;
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const baseUrl = process.env.DATABASE_URL;
    if (baseUrl) {
      const name = `test_${randomBytes(6).toString('hex')}`;
      const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      database = createDatabase({ url: databaseUrl });
      drop = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    } else {
      database = createDatabase({ pgliteDir: MEMORY });
    }
    await database.migrate();
    useDatabase(database);
  });

  afterAll(async () => {
    await closeDatabase();
    await drop?.();
  });

  return {
    current: () => {
      if (!database) throw new Error('withTestDatabase: used outside a test');
      return database;
    },
    /** The PostgreSQL database's URL, for child processes; undefined on PGlite. */
    url: () => databaseUrl,
  };
}
