import { describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { acceptBuddy, buddyIdsOf, inviteBuddy, listBuddies } from '@/db/queries/buddies';
import { MAX_BUDDIES, MAX_PENDING_INVITES } from '@/lib/safety/rules';
import { acceptRequest, endPairing, inviteByPseudonym } from '@/lib/safety/buddies';
import { withTestDatabase } from '../support/database';
import { alertCount } from './safety-support';
import { makeUser, makeUsers } from './screening-support';

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const requestTo = async (userId: string, from: string) => (await listBuddies(userId)).find((b) => b.pseudonym === from)!.id;

describe(`buddies (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('both must agree: a request (with a notification), then her acceptance; either can end it', async () => {
    const ann = await makeUser('seller', 'Bud.Ann');
    const bea = await makeUser('seller', 'Bud.Bea');
    expect(await inviteByPseudonym(ann.id, ' bud.BEA ')).toEqual({ ok: true, accepted: false });
    expect(await alertCount(db(), bea.id, 'buddy_request')).toBe(1);
    expect(await buddyIdsOf(ann.id)).toEqual([]);
    expect(await listBuddies(ann.id)).toEqual([{ id: expect.any(String), pseudonym: 'Bud.Bea', accepted: false, mine: true }]);
    const id = await requestTo(bea.id, 'Bud.Ann');
    // Only the one asked can accept.
    expect(await acceptRequest(ann.id, id)).toEqual({ ok: false, formError: 'buddyGone' });
    expect(await acceptRequest(bea.id, id)).toEqual({ ok: true });
    expect(await buddyIdsOf(ann.id)).toEqual([bea.id]);
    expect(await buddyIdsOf(bea.id)).toEqual([ann.id]);
    expect(await inviteByPseudonym(bea.id, 'Bud.Ann')).toEqual({ ok: false, formError: 'buddyExists' });
    const outsider = await makeUser('seller', 'Bud.Outsider');
    expect(await endPairing(outsider.id, id)).toEqual({ ok: false, formError: 'buddyGone' });
    expect(await endPairing(ann.id, id)).toEqual({ ok: true });
    expect(await buddyIdsOf(bea.id)).toEqual([]);
  });

  it('asking back accepts; herself, buyers, coordinators and unknown names are refused', async () => {
    const cid = await makeUser('seller', 'Bud.Cid');
    const dee = await makeUser('seller', 'Bud.Dee');
    await makeUser('buyer', 'Bud.Buyer');
    await makeUser('coordinator', 'Bud.Coord');
    expect(await inviteByPseudonym(cid.id, 'Bud.Dee')).toEqual({ ok: true, accepted: false });
    expect(await inviteByPseudonym(dee.id, 'Bud.Cid')).toEqual({ ok: true, accepted: true });
    expect(await buddyIdsOf(cid.id)).toEqual([dee.id]);
    for (const name of ['Bud.Cid', 'Bud.Buyer', 'Bud.Coord', 'Nobody.Here', '', 'bad name!']) {
      expect(await inviteByPseudonym(cid.id, name), name).toEqual({ ok: false, fieldErrors: { pseudonym: 'buddyUnknown' } });
    }
  });

  it(`at most ${MAX_BUDDIES} buddies, and at most ${MAX_PENDING_INVITES} open requests`, async () => {
    const eve = await makeUser('seller', 'Bud.Eve');
    const friends = await makeUsers('seller', 'Bud.Friend', MAX_BUDDIES + 1);
    for (const f of friends) expect(await inviteByPseudonym(eve.id, f.pseudonym)).toMatchObject({ ok: true });
    for (const f of friends.slice(0, MAX_BUDDIES)) expect(await acceptRequest(f.id, await requestTo(f.id, 'Bud.Eve'))).toEqual({ ok: true });
    const last = friends[MAX_BUDDIES]!;
    expect(await acceptRequest(last.id, await requestTo(last.id, 'Bud.Eve'))).toEqual({ ok: false, formError: 'otherBuddiesFull' });
    expect(await buddyIdsOf(eve.id)).toHaveLength(MAX_BUDDIES);
    const more = await makeUser('seller', 'Bud.More');
    expect(await inviteByPseudonym(eve.id, 'Bud.More')).toEqual({ ok: false, formError: 'buddiesFull' });
    expect(await alertCount(db(), more.id, 'buddy_request')).toBe(0);

    const fay = await makeUser('seller', 'Bud.Fay');
    const asked = await makeUsers('seller', 'Bud.Asked', MAX_PENDING_INVITES + 1);
    for (const a of asked.slice(0, MAX_PENDING_INVITES)) expect(await inviteByPseudonym(fay.id, a.pseudonym)).toMatchObject({ ok: true });
    expect(await inviteByPseudonym(fay.id, asked[MAX_PENDING_INVITES]!.pseudonym)).toEqual({ ok: false, formError: 'tooManyInvites' });
  });

  it('parallel acceptances cannot overtake the limit (both sellers locked)', { timeout: 120_000 }, async () => {
    const gia = await makeUser('seller', 'Bud.Gia');
    const pals = await makeUsers('seller', 'Bud.Pal', MAX_BUDDIES + 3);
    for (const p of pals) await inviteBuddy(p.id, gia.id, { maxBuddies: MAX_BUDDIES, maxPending: MAX_PENDING_INVITES });
    const requests = await listBuddies(gia.id);
    expect(requests).toHaveLength(pals.length);
    // On PostgreSQL half of them through a second pool: separate connections, truly concurrent.
    const second = process.env.DATABASE_URL ? createDatabase({ url: testDb.url()! }) : undefined;
    try {
      const results = await Promise.all(requests.map((r, i) => acceptBuddy(gia.id, r.id, MAX_BUDDIES, i % 2 && second ? second.db : db())));
      expect(results.filter((r) => r.ok)).toHaveLength(MAX_BUDDIES);
      expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, reason: 'buddiesFull' }));
    } finally {
      await second?.close();
    }
    expect(await buddyIdsOf(gia.id)).toHaveLength(MAX_BUDDIES);
  });
});
