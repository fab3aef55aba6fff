import { apiError, apiOk, apiRefusal, authorizeApi, withDatabaseFaults } from '@/lib/api';
import { screenPseudonym } from '@/lib/reports/screen';

export const dynamic = 'force-dynamic';

/**
 * A seller's live look-up of a buyer: score, intervals, the raw counts and the live incident
 * reports naming the pseudonym (never their reporters). An unknown pseudonym is a 404, unless
 * reports name it: then `found: false` with the reports.
 */
async function get(request: Request, { params }: { params: Promise<{ pseudonym: string }> }) {
  const auth = await authorizeApi(request, ['seller']);
  if ('response' in auth) return auth.response;
  const outcome = await screenPseudonym((await params).pseudonym);
  if (!outcome.ok) return apiRefusal(request, outcome);
  if (!outcome.found) return outcome.reports.length > 0 ? apiOk({ found: false, reports: outcome.reports }) : apiError(request, 404, 'notFound');
  return apiOk({ found: true, ...outcome.reputation, reports: outcome.reports });
}

export const GET = withDatabaseFaults(get);
