'use server';

import { revalidatePath } from 'next/cache';
import { markAllSeen } from '@/db/queries/notifications';
import { authorizeAction } from '@/lib/auth/guards';

/** Marks all of her notifications seen; the header's badge goes with them. */
export async function markAllSeenAction(): Promise<void> {
  const auth = await authorizeAction(['seller', 'buyer', 'coordinator']);
  if (!auth.ok) return;
  await markAllSeen(auth.user.id);
  revalidatePath('/[locale]', 'layout');
}
