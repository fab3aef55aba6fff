import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/client';

/** Every row of every table in the public schema, by table name. */
export async function dumpPublicTables(db: Executor): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const { table_name: name } of tables) {
    dump[name] = await queryRows<Record<string, unknown>>(db, sql`select * from ${sql.identifier(name)}`);
  }
  return dump;
}

/** The whole dump as one lower-case string, to search for secrets in any column of any row. */
export async function dumpText(db: Executor): Promise<string> {
  return JSON.stringify(await dumpPublicTables(db)).toLowerCase();
}

/** Today's date according to the database (dates are written with current_date). */
export async function databaseToday(db: Executor): Promise<string> {
  const [row] = await queryRows<{ today: string }>(db, sql`select current_date::text as today`);
  return row!.today;
}
