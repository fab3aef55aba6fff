import { z } from 'zod';

// Pure, so the form's live counter and the action share one limit.

export const INVITE_LABEL_MAX = 40;

/** A coordinator's own note on an invite: trimmed, empty means none; too long is refused, never cut. */
export const inviteLabelSchema = z
  .string()
  .trim()
  .max(INVITE_LABEL_MAX, 'inviteLabelTooLong')
  .transform((v) => v || null);
