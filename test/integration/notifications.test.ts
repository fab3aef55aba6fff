import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deleteNotification,
  listNotifications,
  markAllSeen,
  notify,
  purgeOldNotifications,
  unseenCount,
} from '@/db/queries/notifications';
import { notifications } from '@/db/schema';
import { sendMessage } from '@/lib/messages/send';
import { exportAccount } from '@/lib/rights/export';
import { withTestDatabase } from '../support/database';
import { makeUser, type TestUser } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;

describe(`notification centre (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let ann: TestUser, bea: TestUser, cid: TestUser, buyer: TestUser, coordinator: TestUser;

  beforeAll(async () => {
    ann = await makeUser('seller', 'Note.Ann');
    bea = await makeUser('seller', 'Note.Bea');
    cid = await makeUser('seller', 'Note.Cid');
    buyer = await makeUser('buyer', 'Note.Buyer');
    coordinator = await makeUser('coordinator', 'Note.Coord');
  });

  it('a warning on the board notifies every other seller, not its author, buyers or coordinators', async () => {
    const sent = await sendMessage(ann.id, { kind: 'warning', body: 'a warning', buyer: 'Some.Buyer', days: 7 });
    expect(sent.ok).toBe(true);
    expect(await unseenCount(bea.id)).toBe(1);
    expect(await unseenCount(cid.id)).toBe(1);
    expect(await unseenCount(ann.id)).toBe(0);
    expect(await unseenCount(buyer.id)).toBe(0);
    expect(await unseenCount(coordinator.id)).toBe(0);
    expect((await listNotifications(bea.id)).map((n) => n.kind)).toEqual(['warning']);
  });

  it('a direct message notifies its recipient only; a refused message notifies nobody', async () => {
    expect((await sendMessage(bea.id, { kind: 'direct', to: 'note.cid', body: 'hello', days: 1 })).ok).toBe(true);
    expect((await listNotifications(cid.id)).map((n) => n.kind).sort()).toEqual(['message', 'warning']);
    expect(await unseenCount(ann.id)).toBe(0);
    expect(await unseenCount(bea.id)).toBe(1);
    const refused = await sendMessage(bea.id, { kind: 'direct', to: 'Nobody.Here', body: 'hello', days: 1 });
    expect(refused.ok).toBe(false);
    expect(await unseenCount(bea.id)).toBe(1);
    expect(await unseenCount(cid.id)).toBe(2);
  });

  it('the row holds a kind and a date: no text, sender or message id', async () => {
    const rows = await db().select().from(notifications).where(eq(notifications.userId, cid.id));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['createdOn', 'id', 'kind', 'pushPending', 'seen', 'userId']);
    expect(JSON.stringify(rows)).not.toContain(bea.id);
    expect(JSON.stringify(rows)).not.toContain('hello');
  });

  it('marking seen clears only her own badge; deleting removes only her own row', async () => {
    expect(await markAllSeen(cid.id)).toBe(2);
    expect(await unseenCount(cid.id)).toBe(0);
    expect(await unseenCount(bea.id)).toBe(1);
    const [beas] = await listNotifications(bea.id);
    expect(await deleteNotification(cid.id, beas!.id)).toBe(false);
    expect(await unseenCount(bea.id)).toBe(1);
    expect(await deleteNotification(bea.id, beas!.id)).toBe(true);
    expect(await listNotifications(bea.id)).toEqual([]);
  });

  it("her data export lists her notifications (kind, day, seen) and her push devices' count", async () => {
    const exported = await exportAccount(cid.id);
    expect(exported?.notifications.items.map((n) => [n.kind, n.seen]).sort()).toEqual([
      ['message', true],
      ['warning', true],
    ]);
    expect(exported?.notifications.pushDevices).toBe(0);
  });

  it('notify() ignores duplicates and an empty list', async () => {
    await notify([], 'alarm');
    await notify([ann.id, ann.id], 'alarm');
    expect(await unseenCount(ann.id)).toBe(1);
  });

  it('the purge deletes notifications written more than 30 days ago, keeps those of 30 days', async () => {
    await db().insert(notifications).values([
      { userId: ann.id, kind: 'message', createdOn: sql`current_date - 31` as unknown as string },
      { userId: ann.id, kind: 'message', createdOn: sql`current_date - 30` as unknown as string },
    ]);
    expect(await unseenCount(ann.id)).toBe(3);
    expect(await purgeOldNotifications()).toBe(1);
    expect(await unseenCount(ann.id)).toBe(2);
  });
});
