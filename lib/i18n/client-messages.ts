// The message namespaces that client components translate with (useTranslations in a 'use client'
// file). Only these go to the browser: the rest (guides, validation, the dashboard…) is rendered on
// the server, and sending it with every page would double the page's payload.
// test/unit/client-messages.test.ts fails when a client component uses a namespace not listed here.
export const CLIENT_NAMESPACES = [
  'Account',
  'Buddies',
  'Common',
  'Contest',
  'Encounter',
  'Errors',
  'Feedback',
  'Finances',
  'Flags',
  'Invites',
  'Lookup',
  'Messages',
  'Panic',
  'PublicLink',
  'Recover',
  'RecoveryCodes',
  'Redeem',
  'Regions',
  'ReportReviews',
  'Reports',
  'Reviews',
  'Safety',
  'SafetyPins',
  'SignIn',
  'SignUp',
  'SupportEdit',
  'Unavailable',
  'Votes',
] as const;

/** The part of a locale's messages that client components need. */
export function clientMessages<T extends Record<string, unknown>>(messages: T): Partial<T> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]])) as Partial<T>;
}
