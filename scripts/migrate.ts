import './environment.mjs';
import { createDatabase, targetFromEnv } from '@/db/client';
import { env } from '@/lib/env';
import { runScript } from './run';

// npm run db:migrate: applies db/migrations to DATABASE_URL, or to the embedded database.
runScript(
  'db:migrate',
  async () => {
    const database = createDatabase(targetFromEnv(env()));
    try {
      await database.migrate();
      console.log(`Migrations applied (${database.kind}).`);
    } finally {
      await database.close();
    }
  },
  { secrets: 'generated' },
);
