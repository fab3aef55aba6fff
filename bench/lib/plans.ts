import type { Database } from '@/db/client';

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

/** EXPLAIN (ANALYZE, BUFFERS) of each distinct SELECT among the captured queries (writes are not re-run). */
export async function explain(db: Database, name: string, queries: Captured[]): Promise<QueryPlan[]> {
  const seen = new Set<string>();
  const plans: QueryPlan[] = [];
  for (const { query, params } of queries) {
    if (!/^\s*select\b/i.test(query) || seen.has(query)) continue;
    seen.add(query);
    const rows = await db.rawQuery(`explain (analyze, buffers) ${query}`, params);
    const plan = rows.map((r) => String(Object.values(r)[0])).join('\n');
    plans.push({ name, query: shorten(query), plan: shorten(plan), seqScanOnRatings: /Seq Scan on ratings\b/.test(plan) });
  }
  return plans;
}

/** A hundred ids in an IN list or an array literal say nothing: keep the first and count the rest. */
function shorten(text: string): string {
  return text
    .replace(/\(\$(\d+)(?:, \$\d+)+, \$(\d+)\)/g, (_, first: string, last: string) => `($${first}, …, $${last})`)
    .replace(/'\{([0-9a-f-]{36}),[0-9a-f-,]+\}'/g, (all: string, first: string) => `'{${first}, … ${all.split(',').length} ids}'`);
}
