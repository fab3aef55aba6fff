// One server process per core on PostgreSQL (Node's cluster module: the workers share the port).
// The embedded database (PGlite) admits one process, so without DATABASE_URL there is one.
// Every timer job is claimed in the database, so each runs once however many processes there are.
import cluster from 'node:cluster';
import os from 'node:os';

export const isPrimary = cluster.isPrimary;

/** WEB_CONCURRENCY, or one per core; always 1 on the embedded database. */
export function workerCount(env = process.env) {
  if (!env.DATABASE_URL) return 1;
  const wanted = env.WEB_CONCURRENCY ? Number(env.WEB_CONCURRENCY) : os.availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${env.WEB_CONCURRENCY}").`);
    process.exit(1);
  }
  return wanted;
}

const RESTARTS_PER_MINUTE = 5;

/**
 * The V8 heap limit of each server process, SERVER_HEAP_MB (default 256): without one, V8 sizes it
 * from the machine's memory and lets a busy process grow to several hundred MB before it collects.
 * With 256 a process stays under 256 MB resident under load (README, Performance). A limit given in
 * NODE_OPTIONS wins.
 */
export function heapArgs(env = process.env) {
  if (/--max-old-space-size/.test(env.NODE_OPTIONS ?? '')) return [];
  const mb = env.SERVER_HEAP_MB ? Number(env.SERVER_HEAP_MB) : 256;
  if (!Number.isInteger(mb) || mb < 64 || mb > 65536) {
    console.error(`SERVER_HEAP_MB must be a whole number of megabytes from 64 to 65536 (got "${env.SERVER_HEAP_MB}").`);
    process.exit(1);
  }
  return [`--max-old-space-size=${mb}`];
}

/**
 * The primary. The first worker starts alone (it applies the migrations); the others follow once
 * it is ready (instrumentation.ts says so). A worker that stops before it was ready means the
 * server cannot start (no database, a bad setting): the worker has said why in one line, and the
 * primary stops with its exit code, as a single process would. A worker that stops later is
 * replaced, unless that keeps happening. SIGTERM/SIGINT stop the workers first. If the primary
 * itself is killed, the workers lose it and exit.
 */
export function runPrimary(count) {
  let stopping = false;
  const ready = new Set();
  const restarts = [];
  const workers = () => Object.values(cluster.workers ?? {}).filter(Boolean);
  const stop = (code) => {
    stopping = true;
    process.exitCode = code;
    for (const w of workers()) w.process.kill('SIGTERM');
    if (workers().length === 0) process.exit(code);
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...heapArgs()] });
  const fork = () => cluster.fork();

  cluster.on('message', (worker, message) => {
    if (message?.coop !== 'ready' || ready.has(worker.id)) return;
    ready.add(worker.id);
    if (ready.size === 1 && workers().length === 1) for (let i = 1; i < count; i++) fork();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (workers().length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!ready.has(worker.id)) return stop(code || 1);
    const now = Date.now();
    restarts.push(now);
    while (restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > RESTARTS_PER_MINUTE) {
      console.error(`[cluster] server processes keep stopping (${restarts.length} in a minute); stopping.`);
      return stop(1);
    }
    console.error(`[cluster] a server process stopped (${signal ?? `exit ${code}`}); starting another.`);
    fork();
  });
  for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => stop(0));
  console.log(`Starting ${count} server processes (PostgreSQL; WEB_CONCURRENCY sets how many).`);
  fork();
}
