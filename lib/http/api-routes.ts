/**
 * Every REST route and the methods its route.ts exports. proxy.ts answers unknown paths (404) and
 * other methods (405 with Allow) from this table before Next.js does, since Next's own answers are
 * an HTML page and an empty body. test/unit/request-screen.test.ts keeps it in step with app/api.
 */
export const API_ROUTES: Record<string, readonly string[]> = {
  '/api/account/export': ['GET'],
  '/api/buyer/[pseudonym]/reputation': ['GET'],
  '/api/changelog': ['GET'],
  '/api/codes/generate': ['POST'],
  '/api/codes/history': ['GET'],
  '/api/coordinator/metrics.csv': ['GET'],
  '/api/health': ['GET'],
  '/api/messages': ['GET', 'POST'],
  '/api/push/subscription': ['POST'],
  '/api/ratings/submit': ['POST'],
  '/api/ratings/submit_rating': ['POST'],
  '/api/ratings/verify_code': ['POST'],
  '/api/reports/lookup': ['POST'],
  '/api/seller/[pseudonym]/profile': ['GET', 'OPTIONS'],
};

const matchers = Object.entries(API_ROUTES).map(([pattern, methods]) => ({
  regex: new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\[[^\]]+\]/g, '[^/]+')}/?$`),
  // Next.js answers HEAD for every GET handler and OPTIONS for every route.
  allow: [...new Set([...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])],
}));

/** The methods a path under /api answers, or null when no route has that path. */
export function apiMethods(pathname: string): string[] | null {
  return matchers.find((m) => m.regex.test(pathname))?.allow ?? null;
}
