import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parameterVersions, verificationCodes } from '@/db/schema';
import { VERSION_1 } from '@/lib/governance/parameters';
import { runDailyJobs } from '@/lib/retention/daily';
import { withTestDatabase } from '../support/database';
import { oldEncounter } from './retention-support';
import { makeUser } from './screening-support';

// The voted retention window applies within the operator's RETENTION_DAYS (default 180).

const testDb = withTestDatabase();
const db = () => testDb.current().db;

describe(`retention window from the parameter version in force (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a voted 120 days folds a 150-day-old encounter the default 180 would keep; a 100-day-old one stays', async () => {
    const seller = await makeUser('seller', 'Ret.Seller');
    const buyer = await makeUser('buyer', 'Ret.Buyer');
    await oldEncounter(db(), { seller, buyer, daysAgo: 150 });
    const recent = await oldEncounter(db(), { seller, buyer, daysAgo: 100 });
    await db().insert(parameterVersions).values({ version: 2, params: { ...VERSION_1, retentionDays: 120 }, inForceFrom: sql`current_date` });
    expect(await runDailyJobs()).toMatchObject({ encounters: 1 });
    expect((await db().select({ id: verificationCodes.id }).from(verificationCodes)).map((c) => c.id)).toEqual([recent]);
  });
});
