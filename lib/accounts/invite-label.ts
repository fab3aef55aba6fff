import { z } from 'zod';
import { INVITE_LABEL_MAX } from './invite-limits';

/** A coordinator's own note on an invite: trimmed, empty means none; too long is refused, never cut. */
export const inviteLabelSchema = z
  .string()
  .trim()
  .max(INVITE_LABEL_MAX, 'inviteLabelTooLong')
  .transform((v) => v || null);
