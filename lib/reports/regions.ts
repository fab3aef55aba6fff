import 'server-only';
import { addRegion, deleteRegion } from '@/db/queries/report-regions';
import type { Outcome } from '@/lib/accounts/errors';
import { z } from 'zod';

export const REGION_NAME_MAX = 40;

/** A region on the coordinators' short list: a plain name, 2 to 40 characters, unique in any case. */
export async function addRegionNamed(name: string): Promise<Outcome> {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 2 || trimmed.length > REGION_NAME_MAX) return { ok: false, fieldErrors: { name: 'regionName' } };
  return (await addRegion(trimmed)) ? { ok: true } : { ok: false, fieldErrors: { name: 'regionTaken' } };
}

export async function deleteRegionById(id: string): Promise<Outcome> {
  if (!z.uuid().safeParse(id).success) return { ok: false, formError: 'invalid' };
  return (await deleteRegion(id)) ? { ok: true } : { ok: false, formError: 'invalid' };
}
