import 'server-only';
import { claimAlarmStep, dueAlarms, purgeAlarms } from '@/db/queries/alarms';
import { buddyIdsOf } from '@/db/queries/buddies';
import { claimCheckinStep, dueCheckins, purgeCheckins } from '@/db/queries/checkins';
import { notify, purgeSafetyNotifications, type NotificationKind } from '@/db/queries/notifications';
import { getDb, type Db } from '@/db/index';
import { nextAlertAfter, purgeCutoffs } from './timing';

/** The server's tick: how often it looks for due alerts. */
export const TICK_MS = 30 * 1000;
const BATCH = 100;

type Claim = (id: string, step: number, now: Date, next: Date, tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<{ sellerId: string } | null>;

/**
 * Sends every due alert once. Each row's next step is claimed in its own transaction together with
 * the in-app notifications (push goes out after commit): another process that read the same step
 * finds it taken and sends nothing; a process that dies mid-way leaves the step unclaimed for the
 * next tick. All state is in the database, so a restarted server simply carries on.
 */
export async function escalationTick(now = new Date(), db: Db = getDb()): Promise<{ checkins: number; alarms: number }> {
  const send = async (rows: { id: string; step: number }[], claim: Claim, kind: NotificationKind) => {
    let sent = 0;
    for (const row of rows) {
      const claimed = await db.transaction(async (tx) => {
        const mine = await claim(row.id, row.step, now, nextAlertAfter(now), tx);
        if (mine) await notify(await buddyIdsOf(mine.sellerId, tx), kind, tx);
        return mine !== null;
      });
      if (claimed) sent++;
    }
    return sent;
  };
  return {
    checkins: await send(await dueCheckins(now, BATCH, db), claimCheckinStep, 'checkin_overdue'),
    alarms: await send(await dueAlarms(now, BATCH, db), claimAlarmStep, 'alarm'),
  };
}

/** Deletes check-ins (with their notes) and alarms (with their positions) a day after they ended. */
export async function purgeSafety(now = new Date(), db: Db = getDb()): Promise<number> {
  const { endedBefore, unendedBefore } = purgeCutoffs(now);
  // Their notifications go with them (kept by day: gone the day after the cut-off's day at the
  // latest); 30 days of them, beside the buddies table, would say who was overdue or alarmed when.
  await purgeSafetyNotifications(endedBefore, db);
  return (await purgeAlarms(endedBefore, unendedBefore, db)) + (await purgeCheckins(endedBefore, unendedBefore, db));
}

let ticking = false;

/**
 * The server's timer for alerts: a tick every 30 s (a tick still running is not overlapped). Errors
 * are logged as one line without values: never a note, a position or who is involved.
 */
export function startEscalationTimer(): void {
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      await escalationTick();
    } catch (err) {
      console.error('[escalation]', err instanceof Error ? err.message : 'failed');
    } finally {
      ticking = false;
    }
  };
  setInterval(() => void tick(), TICK_MS).unref();
}
