import { routing, type Locale } from '@/lib/i18n/routing';

/** A next-intl translator for one namespace, as far as error messages need it. */
export type Translator = ((key: string, values?: Record<string, number>) => string) & { has(key: string): boolean };

/**
 * An API error's message: the code's text in Errors, else in Validation (a wait is at most an
 * hour), else the generic "not valid". One rule for every JSON error the server answers.
 */
export function errorMessage(errors: Translator, validation: Translator, code: string): string {
  if (errors.has(code)) return errors(code);
  if (validation.has(code)) return validation(code, { minutes: 60 });
  return errors('invalid');
}

/** The API speaks the caller's language when asked (Accept-Language), German otherwise. */
export function apiLocaleOf(acceptLanguage: string | null | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return routing.locales.find((l) => l === first) ?? routing.defaultLocale;
}
