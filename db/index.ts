import 'server-only';
import { env } from '@/lib/env';
import { createDatabase, targetFromEnv, type Database, type Db } from './client';

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

export async function closeDatabase(): Promise<void> {
  const current = store.__coopDatabase;
  store.__coopDatabase = undefined;
  await current?.close();
}
