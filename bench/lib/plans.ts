import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Executor } from '@/db/index';

export interface Captured {
  query: string;
  params: unknown[];
}

export interface QueryPlan {
  name: string;
  query: string;
  plan: string;
  /** A sequential scan of the ratings table anywhere in the plan. */
  seqScanOnRatings: boolean;
}

/** Records the queries the app's own functions send while `fn` runs (the database's logQuery hook). */
export function queryRecorder() {
  let recording: Captured[] | null = null;
  return {
    logQuery(query: string, params: unknown[]) {
      recording?.push({ query, params });
    },
    async capture<T>(fn: () => Promise<T>): Promise<{ result: T; queries: Captured[] }> {
      recording = [];
      try {
        return { result: await fn(), queries: recording };
      } finally {
        recording = null;
      }
    },
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each distinct SELECT among the captured queries (writes are not
 * re-run). With `stage`, in one transaction that first stages what the queries read (a job's
 * temporary tables) and is then rolled back.
 */
export async function explain(db: Database, name: string, queries: Captured[], stage?: (tx: Executor) => Promise<void>): Promise<QueryPlan[]> {
  const selects = [...new Map(queries.filter((q) => /^\s*select\b/i.test(q.query)).map((q) => [q.query, q])).values()];
  const planOf = (rows: Record<string, unknown>[]) => rows.map((r) => String(Object.values(r)[0])).join('\n');
  const toPlan = (query: string, plan: string): QueryPlan => ({ name, query: shorten(query), plan: shorten(plan), seqScanOnRatings: /Seq Scan on ratings\b/.test(plan) });
  const plans: QueryPlan[] = [];
  if (!stage) {
    for (const { query, params } of selects) plans.push(toPlan(query, planOf(await db.rawQuery(`explain (analyze, buffers) ${query}`, params))));
    return plans;
  }
  const rollback = new Error('rollback');
  await db.db
    .transaction(async (tx) => {
      await stage(tx);
      for (const { query, params } of selects) {
        plans.push(toPlan(query, planOf(await queryRows<Record<string, unknown>>(tx, sql.raw(`explain (analyze, buffers) ${inline(query, params)}`)))));
      }
      throw rollback;
    })
    .catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
  return plans;
}

/** The query with its parameters written in as literals (a transaction's raw statement takes none). */
function inline(query: string, params: unknown[]): string {
  const literal = (p: unknown) => (p === null || p === undefined ? 'null' : typeof p === 'number' || typeof p === 'boolean' ? String(p) : `'${String(p instanceof Date ? p.toISOString() : p).replaceAll("'", "''")}'`);
  return query.replace(/\$(\d+)\b/g, (_, n: string) => literal(params[Number(n) - 1]));
}

/** A hundred ids in an IN list or an array literal say nothing: keep the first and count the rest. */
function shorten(text: string): string {
  return text
    .replace(/\(\$(\d+)(?:, \$\d+)+, \$(\d+)\)/g, (_, first: string, last: string) => `($${first}, …, $${last})`)
    .replace(/'\{([0-9a-f-]{36}),[0-9a-f-,]+\}'/g, (all: string, first: string) => `'{${first}, … ${all.split(',').length} ids}'`);
}
