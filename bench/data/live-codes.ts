import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { Executor } from '@/db/index';
import { codeHmac, newCode, sealCode } from '@/lib/screening/code-secret';
import type { Progress } from './generate';

const BATCH = 1000;

/**
 * Codes issued in the last 30 days and not yet redeemed are live: they get a real value, stored as
 * the app stores it (HMAC for redemption, sealed for the seller's history), unique among live
 * codes. SQL cannot do this part: the HMAC key is the server's secret.
 */
export async function giveLiveCodesValues(db: Executor, progress: Progress): Promise<number> {
  const ids = (
    await queryRows<{ id: string }>(db, sql`select id from verification_codes where redeemed_on is null and expires_on >= current_date`)
  ).map((r) => r.id);
  const drawn = new Set<string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = ids.slice(i, i + BATCH).map((id) => {
      let code = newCode();
      while (drawn.has(code)) code = newCode();
      drawn.add(code);
      return sql`(${id}::uuid, ${codeHmac(code)}, ${sealCode(code, id)})`;
    });
    await db.execute(sql`
      update verification_codes v set code_hmac = x.h, code_ciphertext = x.c
      from (values ${sql.join(rows, sql`, `)}) as x(id, h, c) where v.id = x.id`);
    progress('live codes', Math.min(ids.length, i + BATCH), ids.length);
  }
  return ids.length;
}
