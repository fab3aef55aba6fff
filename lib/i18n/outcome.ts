import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { FieldErrors, Outcome } from '@/lib/accounts/errors';

export type ErrorState = { status: 'error'; fieldErrors: Record<string, string>; formError?: string; values?: Record<string, string> };

/** What a form shows after its action: localised messages only, never raw values. */
export type FormState<T = object> = { status: 'idle' } | ({ status: 'ok' } & T) | ErrorState;

/** An already-localised refusal (e.g. from authorizeAction) as a form's state. */
export function refusedState(formError: string): ErrorState {
  return { status: 'error', fieldErrors: {}, formError };
}

type Refusal = { fieldErrors?: FieldErrors; formError?: string; waitMinutes?: number };

/**
 * A service's refusal (message codes) as localised messages. `values`: what to put back into
 * the form (never a password or a code).
 */
export async function localiseRefusal(refusal: Refusal, values?: Record<string, string>): Promise<ErrorState> {
  const t = await getTranslations('Validation');
  // Codes come from services as plain strings; unknown ones fall back to a generic message.
  const translate = t as unknown as (key: string, values?: Record<string, number>) => string;
  const say = (code: string) => (t.has(code as never) ? translate(code, { minutes: refusal.waitMinutes ?? 1 }) : t('invalid'));
  const fieldErrors = Object.fromEntries(Object.entries(refusal.fieldErrors ?? {}).map(([field, code]) => [field, say(code)]));
  return { status: 'error', fieldErrors, formError: refusal.formError ? say(refusal.formError) : undefined, values };
}

export async function localise<T extends object>(outcome: Outcome<T>, values?: Record<string, string>): Promise<FormState<T>> {
  if (!outcome.ok) return localiseRefusal(outcome, values);
  const { ok: _ok, ...rest } = outcome;
  return { status: 'ok', ...(rest as unknown as T) };
}

/** An action called with something other than its form (a hand-made request): refused in words. */
export async function notAFormState(): Promise<ErrorState> {
  const t = await getTranslations('Errors');
  return refusedState(t('badForm'));
}
