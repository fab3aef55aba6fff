// The message namespaces that client components translate with (useTranslations in a 'use client'
// file). Only these ever go to the browser, and each page sends only its own: the layout's
// provider holds LAYOUT_NAMESPACES, and a page whose client components need more wraps them in
// <PageMessages namespaces={…}> (app/[locale]/_components/page-messages.tsx). Sending every client
// namespace with every page doubled /de's HTML (70 KB, 42 KB of it messages), which a phone
// downloads and parses on every page (issue 21).
// test/unit/client-messages.test.ts fails when a client component uses a namespace not listed
// here, or when a page's components need a namespace its PageMessages does not send.
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

export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];

/** What the layout's own client components (header, navigation) and its error page translate with. */
export const LAYOUT_NAMESPACES = ['Common', 'Unavailable'] as const satisfies readonly ClientNamespace[];

/** The given namespaces of a locale's messages, whole. */
export function pickMessages<T extends Record<string, unknown>>(messages: T, namespaces: readonly ClientNamespace[]): Partial<T> {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]])) as Partial<T>;
}
