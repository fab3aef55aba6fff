import { z } from 'zod';
import { NOTE_MAX } from './limits';

// Pure input rules of the safety network. Messages are codes of the `Validation` namespace.

export const MAX_BUDDIES = 5;
/** Open invitations a seller may have sent at once (nobody can be flooded with requests). */
export const MAX_PENDING_INVITES = 10;
export const PIN_PATTERN = /^\d{4,8}$/;

/** A PIN: 4–8 digits, spaces tolerated ("12 34" is 1234). */
export const pinSchema = z
  .string('pinFormat')
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(PIN_PATTERN, 'pinFormat'));

/** Setting both PINs: each 4–8 digits, confirmed, and the two different. */
export const pinsSchema = z
  .object({ pin: pinSchema, pinConfirm: z.string(), duress: pinSchema, duressConfirm: z.string() })
  .superRefine((v, ctx) => {
    if (v.pinConfirm.replace(/\s+/g, '') !== v.pin) ctx.addIssue({ code: 'custom', path: ['pinConfirm'], message: 'pinMismatch' });
    if (v.duressConfirm.replace(/\s+/g, '') !== v.duress) ctx.addIssue({ code: 'custom', path: ['duressConfirm'], message: 'pinMismatch' });
    if (v.duress === v.pin) ctx.addIssue({ code: 'custom', path: ['duress'], message: 'pinsSame' });
  });

export const noteSchema = z
  .string()
  .trim()
  .max(NOTE_MAX, 'noteTooLong')
  .transform((s) => s || undefined);

/** A position as the browser gave it, rounded to what helps finding someone (about 1 m). */
export const positionSchema = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  accuracy: z.coerce.number().min(0).max(100_000),
});
export type Position = z.infer<typeof positionSchema>;

export function roundPosition(p: Position): Position {
  return { lat: Math.round(p.lat * 1e5) / 1e5, lon: Math.round(p.lon * 1e5) / 1e5, accuracy: Math.round(p.accuracy) };
}
