import { describe, expect, it } from 'vitest';
import { newWarningsCount, openBoard } from '@/lib/messages/new-warnings';
import { withTestDatabase } from '../support/database';
import { direct, setExpiry, warning } from './message-support';
import { makeUser } from './screening-support';

const testDb = withTestDatabase();

describe(`new warnings since the last visit (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('counts other sellers’ live warnings until she opens the whole board, then only newer ones', async () => {
    const ann = await makeUser('seller', 'Ann.New');
    const bea = await makeUser('seller', 'Bea.New');
    expect(await newWarningsCount(ann.id)).toBe(0);

    await warning(bea.id, 'first', 'Some.Client');
    const expiring = await warning(bea.id, 'second');
    await warning(ann.id, 'her own warning is never new to her');
    await direct(bea.id, 'Ann.New', 'a direct message is not a warning');
    expect(await newWarningsCount(ann.id)).toBe(2);
    expect(await newWarningsCount(bea.id)).toBe(1);

    // An expired warning is gone from the board, so it is not new either.
    await setExpiry(testDb.current().db, expiring, new Date(Date.now() - 1000));
    expect(await newWarningsCount(ann.id)).toBe(1);

    // One buyer's warnings are not the whole board: nothing counts as seen.
    expect((await openBoard(ann.id, 'Some.Client')).map((m) => m.body)).toEqual(['first']);
    expect(await newWarningsCount(ann.id)).toBe(1);

    expect((await openBoard(ann.id)).map((m) => m.body)).toEqual(['her own warning is never new to her', 'first']);
    expect(await newWarningsCount(ann.id)).toBe(0);
    expect(await newWarningsCount(bea.id)).toBe(1); // her visit clears only her badge

    await warning(bea.id, 'third');
    expect(await newWarningsCount(ann.id)).toBe(1);
    await openBoard(ann.id);
    expect(await newWarningsCount(ann.id)).toBe(0);
  });
});
