// The pages the bench weighs and audits with Lighthouse, by who is signed in: every page of the
// app but those below, which test/unit/bench-pages.test.ts holds to the routes under app/.
export type Role = 'public' | 'seller' | 'buyer' | 'coordinator';

/** `seller`: a seller of the bench's data, whose public profile is audited; `report`: a live report's id. */
export function benchPages(seller: string, report: string): Record<Role, string[]> {
  return {
    public: [
      '/de',
      '/de/sign-in',
      '/de/sign-up',
      '/de/forgot-password',
      `/de/s/${seller}`,
      '/de/guide/scores',
      '/de/guide/seller',
      '/de/guide/buyer',
      '/de/privacy',
      '/de/support',
      '/de/changelog',
    ],
    seller: [
      '/de/seller',
      '/de/seller/encounters',
      '/de/seller/messages',
      '/de/seller/warnings',
      '/de/seller/reports',
      '/de/seller/reports/new',
      `/de/seller/reports/${report}`,
      '/de/seller/safety',
      '/de/seller/safety/buddies',
      '/de/seller/safety/pins',
      '/de/seller/safety/panic',
      '/de/notifications',
      '/de/votes',
      '/de/votes/new',
      '/de/account',
    ],
    buyer: ['/de/buyer', '/de/r/123456'],
    coordinator: [
      '/de/coordinator',
      '/de/coordinator/invites',
      '/de/coordinator/regions',
      '/de/coordinator/reviews',
      '/de/coordinator/support',
      '/de/coordinator/feedback',
      '/de/coordinator/finances',
    ],
  };
}

/** Routes not audited, and why. */
export const NOT_AUDITED: Record<string, string> = {
  '/[...rest]': 'the not-found page, not a page of its own',
  '/home': 'redirects each role to its start page and renders nothing',
  '/votes/[id]': "a proposal's page: the bench's data has no proposal",
  '/seller/messages/[pseudonym]': "a conversation's page: the bench's data has no messages",
};
