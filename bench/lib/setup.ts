import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The benchmarks' own data directory (embedded database and generated secrets), never the
 * development database: `.data/bench` unless DATA_DIR says otherwise. PostgreSQL when
 * DATABASE_URL is set, as for the app.
 */
export function benchEnvironment() {
  process.env.DATA_DIR = path.resolve(process.env.DATA_DIR || '.data/bench');
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  return {
    dataDir: process.env.DATA_DIR,
    database: process.env.DATABASE_URL ? 'postgres' : ('pglite' as 'postgres' | 'pglite'),
  };
}

/** `--name value` options as positive integers, with defaults; anything else stops with a message. */
export function integerOptions<K extends string>(defaults: Record<K, number>, flags: string[] = []) {
  const options = Object.fromEntries([
    ...Object.keys(defaults).map((k) => [k, { type: 'string' as const }]),
    ...flags.map((f) => [f, { type: 'boolean' as const }]),
  ]);
  const values = parseArgs({ options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  const numbers = { ...defaults };
  for (const key of Object.keys(defaults) as K[]) {
    const raw = values[key];
    if (raw === undefined) continue;
    const n = Number(String(raw).replaceAll('_', ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${key} must be a positive whole number, not "${String(raw)}"`);
    numbers[key] = n;
  }
  const set = Object.fromEntries(flags.map((f) => [f, values[f] === true])) as Record<string, boolean>;
  return { ...numbers, flags: set };
}
