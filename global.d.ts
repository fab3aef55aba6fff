import type { routing } from '@/lib/i18n/routing';
import type messages from './messages/de.json';

// A missing or misspelt message key fails the type check.
declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
