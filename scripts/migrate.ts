import { parseEnv } from '@/lib/env';
import { createDatabase, targetFromEnv } from './client';

/** `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded database. */
async function main() {
  const database = createDatabase(targetFromEnv(parseEnv(process.env)));
  try {
    await database.migrate();
    console.log(`Migrations applied (${database.kind}).`);
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
