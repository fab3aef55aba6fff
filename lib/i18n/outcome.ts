import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Outcome } from '@/lib/accounts/errors';

/** What a form shows after its action: localised messages only, never raw values. */
export type FormState<T = object> =
  | { status: 'idle' }
  | ({ status: 'ok' } & T)
  | { status: 'error'; fieldErrors: Record<string, string>; formError?: string; values?: Record<string, string> };

/** Turns a service outcome's message codes into localised messages. */
/** `values`: what to put back into the form after an error (never a password or code). */
export async function localise<T extends object>(outcome: Outcome<T>, values?: Record<string, string>): Promise<FormState<T>> {
  if (outcome.ok) {
    const { ok: _ok, ...rest } = outcome;
    return { status: 'ok', ...(rest as unknown as T) };
  }
  const t = await getTranslations('Validation');
  // Codes come from services as plain strings; unknown ones fall back to a generic message.
  const translate = t as unknown as (key: string, values?: Record<string, number>) => string;
  const say = (code: string) => (t.has(code as never) ? translate(code, { minutes: outcome.waitMinutes ?? 1 }) : t('invalid'));
  const fieldErrors = Object.fromEntries(Object.entries(outcome.fieldErrors ?? {}).map(([field, code]) => [field, say(code)]));
  return { status: 'error', fieldErrors, formError: outcome.formError ? say(outcome.formError) : undefined, values };
}
