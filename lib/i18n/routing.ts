import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['de', 'en'],
  defaultLocale: 'de',
  localePrefix: 'always',
  // German unless the person picks English: no Accept-Language sniffing, no locale cookie.
  localeDetection: false,
  // The locale is in every path; a NEXT_LOCALE cookie would only mark the device.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];
