import 'server-only';
import { insertInvite } from '@/db/queries/invites';
import { randomCode } from '@/lib/crypto';
import { inviteHash } from './sign-up';

/**
 * A new seller invite: the code is shown once and stored only as a hash. The label is the
 * coordinator's (already validated) note; nothing about who will use the invite is ever stored.
 */
export async function createInvite(label: string | null = null): Promise<{ code: string; expiresOn: string }> {
  const code = randomCode(5, 4);
  const { expiresOn } = await insertInvite(inviteHash(code), label);
  return { code, expiresOn };
}
