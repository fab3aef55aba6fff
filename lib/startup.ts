import 'server-only';
import { database } from '@/db/index';
import { env } from './env';

export async function startServer(): Promise<void> {
  try {
    env();
    const db = database();
    await db.migrate();
    console.log(`Database ready (${db.kind}).`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
