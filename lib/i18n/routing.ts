import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['de', 'en'],
  defaultLocale: 'de',
  localePrefix: 'always',
  // German unless the person picks English: no Accept-Language sniffing, no locale cookie.
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];
