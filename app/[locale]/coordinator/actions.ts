'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { revokeInvite } from '@/db/queries/invites';
import { createInvite } from '@/lib/accounts/invites';
import { authorizeAction } from '@/lib/auth/guards';
import { isForm } from '@/lib/form-data';
import { refusedState, type FormState } from '@/lib/i18n/outcome';

export type InviteState = FormState<{ code: string; expiresOn: string }>;

export async function createInviteAction(): Promise<InviteState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  const invite = await createInvite();
  revalidatePath('/[locale]/coordinator/invites', 'page');
  return { status: 'ok', ...invite };
}

export async function revokeInviteAction(form: FormData): Promise<void> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok || !isForm(form)) return;
  const id = z.uuid().safeParse(form.get('inviteId'));
  if (id.success) await revokeInvite(id.data);
  revalidatePath('/[locale]/coordinator/invites', 'page');
}
