// What counts as a lost database, for the guard in front of the pool (db/availability.ts) and for
// everything that answers it with 503 instead of 500.

export const UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/** The database is known to be down: the caller answers 503 rather than waiting. */
export class DatabaseUnavailableError extends Error {
  readonly code = UNAVAILABLE;
  constructor() {
    super('The database is unavailable.');
    this.stack = `Error: ${this.message}`; // where the guard gave up tells an operator nothing
  }
}

// Codes (socket, postgres.js, SQLSTATE) that mean "no working connection", not "bad query".
// 57014 is a statement_timeout: the database did not answer in time either.
const FAULTS = new Set([
  UNAVAILABLE,
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED',
  '57P01', '57P02', '57P03', '53300', '57014',
]);

/** True for a lost or silent database anywhere in an error's cause chain (drizzle wraps driver errors). */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (FAULTS.has(code) || code.startsWith('08'))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
