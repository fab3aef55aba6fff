'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { revokeInvite } from '@/db/queries/invites';
import { inviteLabelSchema } from '@/lib/accounts/invite-label';
import { createInvite } from '@/lib/accounts/invites';
import { authorizeAction } from '@/lib/auth/guards';
import { formText, isForm } from '@/lib/form-data';
import { localiseRefusal, refusedState, type FormState } from '@/lib/i18n/outcome';

export type InviteState = FormState<{ code: string; expiresOn: string; label: string | null }>;

export async function createInviteAction(_previous: InviteState, form: FormData): Promise<InviteState> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok) return refusedState(auth.formError);
  // Read generously so that an over-long label is refused (and kept in the form), not cut.
  const typed = isForm(form) ? formText(form, 'label', 1000) : '';
  const label = inviteLabelSchema.safeParse(typed);
  if (!label.success) return localiseRefusal({ fieldErrors: { label: 'inviteLabelTooLong' } }, { label: typed });
  const invite = await createInvite(label.data);
  revalidatePath('/[locale]/coordinator/invites', 'page');
  return { status: 'ok', ...invite, label: label.data };
}

export async function revokeInviteAction(form: FormData): Promise<void> {
  const auth = await authorizeAction(['coordinator']);
  if (!auth.ok || !isForm(form)) return;
  const id = z.uuid().safeParse(form.get('inviteId'));
  if (id.success) await revokeInvite(id.data);
  revalidatePath('/[locale]/coordinator/invites', 'page');
}
