import 'server-only';
import { and, Column, eq, is, not, sql, SQL } from 'drizzle-orm';
import { getLookUpDb, preparedQuery, type Executor } from '../index';
import { users } from '../schema';
import { buyerLookUpFields, buyerLookUpOf, buyerLookUpQuery, type BuyerLookUpRow } from './buyers';
import { matchingQuery, shownReportFields, type StoredReport } from './reports';
import { liveSessionQuery } from './sessions';

// The lean look-up handler's three reads in one statement (one round trip, one statement for the
// database to run instead of three): the live session with its user (as live_session), and, only
// when that user may look up (a seller with her own password, as lib/auth/access.ts rules), the
// buyer's counters with the board's warnings (as buyer_look_up) and the reports naming the
// pseudonym (as reports_matching, in its order). The two look-up reads are subqueries inside CASE,
// which the database runs only when the branch is taken: for anyone else they read nothing.
const mayLookUp = and(eq(users.role, 'seller'), not(users.mustChangePassword));
// The statement itself: a test EXPLAINs it.
export function sessionWithLookUpQuery(db: Executor) {
  return liveSessionQuery(db, {
    lookUp: sql`case when ${mayLookUp} then (select row_to_json(l) from (${buyerLookUpQuery(db)}) l) end`.as('look_up'),
    reports: sql`case when ${mayLookUp} then (select coalesce(json_agg(m order by m.occurred_on desc, m.created_on desc, m.id), '[]') from (${matchingQuery(sql.placeholder('hash'), db)}) m) end`.as('reports'),
  });
}
const sessionWithLookUp = preparedQuery((db) => sessionWithLookUpQuery(db).prepare('session_with_look_up'));

export interface LookUpKeys {
  tokenHash: string;
  now: Date;
  /** The pseudonym's canonical key, its board reference and its report-identifier hash. */
  key: string;
  ref: string;
  hash: string;
}

/** The live session (null: none), and the look-up's reads (null: this user may not look up). */
export async function findSessionWithLookUp(k: LookUpKeys, db: Executor = getLookUpDb()) {
  const [row] = await sessionWithLookUp(db).execute({ tokenHash: k.tokenHash, now: k.now.toISOString(), key: k.key, ref: k.ref, day: k.now.toISOString().slice(0, 10), hash: k.hash });
  if (!row) return null;
  const { lookUp, reports, ...session } = row;
  const reads =
    lookUp == null || reports == null
      ? null
      : { lookUp: buyerLookUpOf(fromJson<BuyerLookUpRow>(buyerLookUpFields, lookUp)), reports: jsonValue<unknown[]>(reports).map((r) => fromJson<StoredReport>(shownReportFields, r)) };
  return { session, reads };
}

// A subquery's row as row_to_json gives it: keyed by column name (or alias), with JSON's values,
// which for these columns (text, uuid, integer, bigint count, date as text) are the driver's own.
const jsonValue = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
function fromJson<T>(fields: Record<string, Column | SQL.Aliased>, value: unknown): T {
  const json = jsonValue<Record<string, unknown>>(value);
  return Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, json[is(f, Column) ? f.name : f.fieldAlias]])) as T;
}
