import 'server-only';
import { insertInvite } from '@/db/queries/invites';
import { randomCode } from '@/lib/crypto';
import { inviteHash } from './sign-up';

/** A new seller invite: the code is shown once and stored only as a hash. */
export async function createInvite(): Promise<{ code: string; expiresOn: string }> {
  const code = randomCode(5, 4);
  const { expiresOn } = await insertInvite(inviteHash(code));
  return { code, expiresOn };
}
