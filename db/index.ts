import 'server-only';
import { env } from '@/lib/env';
import { createDatabase, targetFromEnv, type Database, type Db, type Executor } from './client';

export type { Db, Executor, Tx } from './client';

// One client per process. Next bundles instrumentation, proxy and routes separately,
// so a module-level variable would be created once per bundle: keep it on globalThis.
const store = globalThis as unknown as { __coopDatabase?: Database };

export function database(): Database {
  if (!store.__coopDatabase) {
    store.__coopDatabase = createDatabase(targetFromEnv(env()));
  }
  return store.__coopDatabase;
}

/** Replaces the process's database (tests and scripts that bring their own). */
export function useDatabase(next: Database): void {
  store.__coopDatabase = next;
}

export function getDb(): Db {
  return database().db;
}

/** The buyer look-up's own connections (db/client.ts). */
export function getLookUpDb(): Db {
  return database().lookUpDb;
}

export async function closeDatabase(): Promise<void> {
  const current = store.__coopDatabase;
  store.__coopDatabase = undefined;
  await current?.close();
}

/**
 * A query built once per database (or transaction) and reused: building drizzle SQL costs more
 * CPU than the database spends on a one-row look-up, so the hot paths prepare theirs.
 */
export function preparedQuery<T>(build: (db: Executor) => T): (db: Executor) => T {
  const built = new WeakMap<Executor, T>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}
