import { apiError, apiOk, apiRefusal, authorizeApi, withDatabaseFaults } from '@/lib/api';
import { lookupBuyer } from '@/lib/screening/lookup';

export const dynamic = 'force-dynamic';

/** A seller's live look-up of a buyer: score, intervals and the raw counts. */
async function get(request: Request, { params }: { params: Promise<{ pseudonym: string }> }) {
  const auth = await authorizeApi(request, ['seller']);
  if ('response' in auth) return auth.response;
  const outcome = await lookupBuyer((await params).pseudonym);
  if (!outcome.ok) return apiRefusal(request, outcome);
  if (!outcome.found) return apiError(request, 404, 'notFound');
  return apiOk({ found: true, ...outcome.reputation });
}

export const GET = withDatabaseFaults(get);
