import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listBuddies } from '@/db/queries/buddies';
import { hasPins, openCheckinOf } from '@/db/queries/checkins';
import { insertUser } from '@/db/queries/users';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hashSecret } from '@/lib/passwords';
import { safetyExport } from '@/lib/safety/export';
import de from '@/messages/de.json';
import { withTestDatabase } from '../support/database';
import { alarmRows, counts, DURESS, PIN, sellerWithBuddies } from './safety-support';
import { makeUser } from './screening-support';

// The actions' other inputs: who is signed in (mocked), the translations, the cache.
let signedIn: CurrentUser | null = null;
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'de',
  getTranslations: async (namespace: string) => createTranslator({ locale: 'de', messages: de, namespace: namespace as 'Errors' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { endCheckinAction, extendCheckinAction, startCheckinAction, acknowledgeAction } = await import('@/app/[locale]/seller/safety/actions');
const { inviteBuddyAction, answerBuddyAction } = await import('@/app/[locale]/seller/safety/buddies/actions');
const { setPinsAction } = await import('@/app/[locale]/seller/safety/pins/actions');
const { panicAction } = await import('@/app/[locale]/seller/safety/panic/actions');

const testDb = withTestDatabase();
const db = () => testDb.current().db;
const as = (u: { id: string; pseudonym: string }, role: CurrentUser['role'] = 'seller'): CurrentUser => ({ id: u.id, pseudonym: u.pseudonym, role, sessionId: 's1', mustChangePassword: false });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const IDLE = { status: 'idle' } as const;
const refused = (formError: string) => ({ status: 'error', fieldErrors: {}, formError });

/** What a server action's redirect throws: its digest names the target (and nothing else differs). */
async function redirectOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    return (e as { digest?: string }).digest ?? String(e);
  }
  throw new Error('expected a redirect');
}

beforeEach(() => {
  signedIn = null;
});

describe(`safety actions (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('refuse anyone but a seller, in words, and change nothing', async () => {
    const buyer = await makeUser('buyer', 'Act.Buyer');
    const coordinator = await makeUser('coordinator', 'Act.Coord');
    const cases: [CurrentUser | null, string][] = [
      [null, de.Errors.signInRequired],
      [as(buyer, 'buyer'), de.Errors.forbidden],
      [as(coordinator, 'coordinator'), de.Errors.forbidden],
    ];
    for (const [who, message] of cases) {
      signedIn = who;
      expect(await startCheckinAction(IDLE, form({ minutes: '60' }))).toEqual(refused(message));
      expect(await extendCheckinAction(IDLE, form({ checkinId: 'x', minutes: '30' }))).toEqual(refused(message));
      expect(await endCheckinAction(IDLE, form({ checkinId: 'x', pin: PIN }))).toEqual(refused(message));
      expect(await acknowledgeAction(IDLE, form({ id: 'x', kind: 'alarm' }))).toEqual(refused(message));
      expect(await inviteBuddyAction(IDLE, form({ pseudonym: 'Act.Buyer' }))).toEqual(refused(message));
      expect(await answerBuddyAction(IDLE, form({ pairId: 'x', do: 'accept' }))).toEqual(refused(message));
      expect(await setPinsAction(IDLE, form({ pin: '1234' }))).toEqual(refused(message));
      expect(await panicAction(IDLE, form({}))).toEqual(refused(message));
    }
    expect(await alarmRows(db(), buyer.id)).toEqual([]);
    expect(await hasPins(buyer.id)).toBe(false);
  });

  it('a hand-made call without a form is refused in words, not a 500', async () => {
    const { seller } = await sellerWithBuddies('NoForm', 0);
    signedIn = as(seller);
    for (const action of [startCheckinAction, extendCheckinAction, endCheckinAction, acknowledgeAction, inviteBuddyAction, answerBuddyAction, setPinsAction, panicAction]) {
      expect(await action(IDLE, 'nonsense' as unknown as FormData)).toEqual(refused(de.Errors.badForm));
    }
  });

  it("\"I'm OK\": her PIN and her duress PIN end in the very same redirect; only the duress PIN alarms her buddies", async () => {
    const { seller, buddies } = await sellerWithBuddies('ActDuress');
    signedIn = as(seller);
    const start = () => startCheckinAction(IDLE, form({ minutes: '90', note: 'Hotel Adler', buyer: '' }));

    expect(await start()).toEqual({ status: 'ok', id: expect.any(String) });
    const first = (await openCheckinOf(seller.id))!;
    // A wrong PIN stays on the form with a message; the PIN itself is never put back.
    expect(await endCheckinAction(IDLE, form({ checkinId: first.id, pin: '0000' }))).toEqual({ status: 'error', fieldErrors: { pin: de.Validation.pinWrong }, formError: undefined, values: undefined });
    const before = { buddies: await listBuddies(seller.id), pins: await hasPins(seller.id) };
    const okRedirect = await redirectOf(endCheckinAction(IDLE, form({ checkinId: first.id, pin: PIN })));
    const afterOk = { open: await openCheckinOf(seller.id), buddies: await listBuddies(seller.id), pins: await hasPins(seller.id) };

    expect(await start()).toMatchObject({ status: 'ok' });
    const second = (await openCheckinOf(seller.id))!;
    const duressRedirect = await redirectOf(endCheckinAction(IDLE, form({ checkinId: second.id, pin: DURESS })));
    const afterDuress = { open: await openCheckinOf(seller.id), buddies: await listBuddies(seller.id), pins: await hasPins(seller.id) };

    expect(okRedirect).toContain('/de/seller/safety?ended=1');
    expect(duressRedirect).toBe(okRedirect);
    // Everything her safety page is made of reads the same afterwards.
    expect(afterDuress).toEqual(afterOk);
    expect(afterOk).toEqual({ open: null, ...before });
    expect(await counts(db(), buddies, 'alarm')).toEqual([1, 1]);
    expect((await alarmRows(db(), seller.id)).map((a) => [a.kind, a.checkinId])).toEqual([['duress', second.id]]);
    // Her own data export, downloaded on her phone right after, shows no alarm either.
    const exported = await safetyExport(seller.id);
    expect(exported.alarms).toEqual([]);
    expect(JSON.stringify(exported)).not.toContain('"kind":"duress"');
  });

  it('start and extend refuse bad input in words, keeping her note', async () => {
    const { seller } = await sellerWithBuddies('ActInput', 1);
    signedIn = as(seller);
    expect(await startCheckinAction(IDLE, form({ minutes: '5', note: 'my note', buyer: 'Nobody.Here' }))).toEqual({
      status: 'error',
      fieldErrors: { minutes: de.Validation.durationInvalid },
      formError: undefined,
      values: { note: 'my note', buyer: 'Nobody.Here', minutes: '5' },
    });
    expect(await startCheckinAction(IDLE, form({ minutes: '60', note: 'my note', buyer: 'Nobody.Here' }))).toMatchObject({
      status: 'error',
      fieldErrors: { buyer: de.Validation.checkinBuyerUnknown },
    });
    expect(await openCheckinOf(seller.id)).toBeNull();
    expect(await startCheckinAction(IDLE, form({ minutes: '60' }))).toMatchObject({ status: 'ok' });
    expect(await startCheckinAction(IDLE, form({ minutes: '60' }))).toMatchObject({ status: 'error', formError: de.Validation.checkinOpen });
    const open = (await openCheckinOf(seller.id))!;
    expect(await extendCheckinAction(IDLE, form({ checkinId: open.id, minutes: '45' }))).toMatchObject({ status: 'error', fieldErrors: { minutes: de.Validation.durationInvalid } });
    expect(await extendCheckinAction(IDLE, form({ checkinId: open.id, minutes: '30' }))).toEqual({ status: 'ok' });
    expect((await openCheckinOf(seller.id))!.endsAt.getTime()).toBe(open.endsAt.getTime() + 30 * 60_000);
  });

  it('buddies: ask, accept, end; PINs only after her password; panic with her position', async () => {
    const password = 'Sicheres-Passwort-2026';
    const annId = await insertUser({ pseudonym: 'Act.Ann', pseudonymKey: 'act.ann', role: 'seller', passwordHash: await hashSecret(password) });
    const bea = await makeUser('seller', 'Act.Bea');
    const ann = { id: annId, pseudonym: 'Act.Ann' };
    signedIn = as(ann);
    expect(await inviteBuddyAction(IDLE, form({ pseudonym: 'nobody.here' }))).toMatchObject({ status: 'error', fieldErrors: { pseudonym: de.Validation.buddyUnknown }, values: { pseudonym: 'nobody.here' } });
    expect(await inviteBuddyAction(IDLE, form({ pseudonym: 'act.bea' }))).toEqual({ status: 'ok', accepted: false });
    expect(await inviteBuddyAction(IDLE, form({ pseudonym: 'Act.Bea' }))).toMatchObject({ status: 'error', formError: de.Validation.buddyExists });
    signedIn = as(bea);
    const [request] = await listBuddies(bea.id);
    expect(await answerBuddyAction(IDLE, form({ pairId: 'not-a-uuid', do: 'accept' }))).toMatchObject({ status: 'error', formError: de.Validation.buddyGone });
    expect(await answerBuddyAction(IDLE, form({ pairId: request!.id, do: 'accept' }))).toEqual({ status: 'ok' });
    expect((await listBuddies(ann.id)).map((b) => [b.pseudonym, b.accepted])).toEqual([['Act.Bea', true]]);

    signedIn = as(ann);
    const pins = { pin: '4321', pinConfirm: '4321', duress: '8765', duressConfirm: '8765' };
    expect(await setPinsAction(IDLE, form({ ...pins, duress: '4321', duressConfirm: '4321', currentPassword: password }))).toMatchObject({ status: 'error', fieldErrors: { duress: de.Validation.pinsSame } });
    expect(await setPinsAction(IDLE, form({ ...pins, currentPassword: 'wrong-password-123' }))).toMatchObject({ status: 'error', fieldErrors: { currentPassword: de.Validation.currentPasswordWrong } });
    expect(await hasPins(ann.id)).toBe(false);
    expect(await setPinsAction(IDLE, form({ ...pins, currentPassword: password }))).toEqual({ status: 'ok' });
    expect(await hasPins(ann.id)).toBe(true);

    expect(await panicAction(IDLE, form({ withPosition: 'on', lat: '48.1372', lon: '11.5756', accuracy: '20' }))).toEqual({ status: 'ok', buddies: 1 });
    // Position fields without the box ticked are not attached.
    expect(await panicAction(IDLE, form({ lat: '48.1372', lon: '11.5756', accuracy: '20' }))).toEqual({ status: 'ok', buddies: 1 });
    const alarms = await alarmRows(db(), ann.id);
    expect(alarms.map((a) => a.positionCiphertext !== null).sort()).toEqual([false, true]);
    expect(await counts(db(), [bea], 'alarm')).toEqual([2]);

    signedIn = as(bea);
    expect(await acknowledgeAction(IDLE, form({ id: alarms[0]!.id, kind: 'alarm' }))).toEqual({ status: 'ok' });
    expect(await acknowledgeAction(IDLE, form({ id: alarms[0]!.id, kind: 'alarm' }))).toMatchObject({ status: 'error', formError: de.Validation.alertGone });
    expect(await answerBuddyAction(IDLE, form({ pairId: request!.id, do: 'end' }))).toEqual({ status: 'ok' });
    expect(await listBuddies(ann.id)).toEqual([]);
  });
});
