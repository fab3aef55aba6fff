import { z } from 'zod';
import type { Flag } from '@/lib/trust';

/** A form's yes / no / skip, or JSON's true / false / null. */
export const flagSchema = z.union([z.boolean(), z.null(), z.enum(['yes', 'no', 'skip'])]).transform((v): Flag => {
  if (v === 'yes') return true;
  if (v === 'no') return false;
  if (v === 'skip') return null;
  return v;
});

export const flagsSchema = z.object({ safe: flagSchema.default(null), reliable: flagSchema.default(null) });

export const hasAFlag = (f: { safe: Flag; reliable: Flag }) => f.safe !== null || f.reliable !== null;
