import type { z } from 'zod';

/** Field → message code (a key of the `Validation` messages). */
export type FieldErrors = Record<string, string>;

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors?: FieldErrors; formError?: string; waitMinutes?: number };

/** The one code an API answers for a refusal: the form's error, else the first field's. */
export function refusalCode(outcome: Extract<Outcome, { ok: false }>): string {
  return outcome.formError ?? Object.values(outcome.fieldErrors ?? {})[0] ?? 'invalid';
}

/** zod issues → the first message code per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
