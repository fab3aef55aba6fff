import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { useDatabase } from '@/db/index';
import { escalationTick } from '@/lib/safety/escalation';
import { withTestDatabase } from '../support/database';
import { after, checkinRow, counts, sellerWithBuddies, started } from './safety-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const T = new Date('2026-12-03T18:00:00Z');
const onPostgres = Boolean(process.env.DATABASE_URL);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`escalation with several server processes and a restart (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it(
    onPostgres
      ? 'two processes (two connection pools) ticking at once: exactly one alert per step'
      : 'two ticks at once in the one embedded-database process: exactly one alert per step',
    { timeout: 120_000 },
    async () => {
      const people = [];
      for (let i = 0; i < 6; i++) people.push(await sellerWithBuddies(`Race${i}`));
      for (const p of people) await started(p.seller.id, { minutes: 30, note: `note ${p.seller.pseudonym}` }, T);
      // On PostgreSQL a second pool stands for a second server process: its own connections and transactions.
      const second: Database | undefined = onPostgres ? createDatabase({ url: testDb.url()! }) : undefined;
      const other = second?.db ?? db();
      try {
        const steps = [40, 50, 60, 70, 80];
        const sent: number[] = [];
        for (const m of steps) {
          const [a, b] = await Promise.all([escalationTick(after(T, m), db()), escalationTick(after(T, m), other)]);
          sent.push(a.checkins + b.checkins);
        }
        // Every check-in's alert of every step went out once, whichever process claimed it.
        expect(sent).toEqual(steps.map(() => people.length));
        for (const p of people) {
          expect(await counts(db(), p.buddies, 'checkin_overdue'), p.seller.pseudonym).toEqual([steps.length, steps.length]);
        }
      } finally {
        await second?.close();
      }
    },
  );

  it('a server restarted in the middle of a check-in still escalates it (all state in the database)', { timeout: 180_000 }, async () => {
    // On PGlite the restart needs a database on disk, closed and opened again; on PostgreSQL a new pool.
    const dir = onPostgres ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'coop-safety-restart-'));
    if (dir) dirs.push(dir);
    const target = onPostgres ? { url: testDb.url()! } : { pgliteDir: path.join(dir!, 'pglite') };
    const first = createDatabase(target);
    await first.migrate();
    useDatabase(first);
    let restarted: Database | undefined;
    try {
      const { seller, buddies } = await sellerWithBuddies('Restart');
      const id = await started(seller.id, { minutes: 60 }, T);
      await escalationTick(after(T, 30), first.db);
      await first.close();

      // A new process: fresh modules (nothing kept in memory survives) and a new database client.
      vi.resetModules();
      restarted = createDatabase(target);
      const fresh = await import('@/lib/safety/escalation');
      expect(fresh.escalationTick).not.toBe(escalationTick);
      await fresh.escalationTick(after(T, 69), restarted.db);
      expect(await counts(restarted.db, buddies, 'checkin_overdue')).toEqual([0, 0]);
      await fresh.escalationTick(after(T, 70), restarted.db);
      expect(await counts(restarted.db, buddies, 'checkin_overdue')).toEqual([1, 1]);
      await fresh.escalationTick(after(T, 80), restarted.db);
      expect(await counts(restarted.db, buddies, 'checkin_overdue')).toEqual([2, 2]);
      expect((await checkinRow(restarted.db, id))?.step).toBe(2);
    } finally {
      await restarted?.close();
      useDatabase(testDb.current());
    }
  });
});
