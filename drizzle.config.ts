import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is used: it reads the schema, not a database.
// Migrations are applied by db/migrate.ts at start-up and by `npm run db:migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
