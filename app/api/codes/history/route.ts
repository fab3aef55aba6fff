import { apiOk, authorizeApi, withDatabaseFaults } from '@/lib/api';
import { sellerHistory } from '@/lib/screening/encounters';

export const dynamic = 'force-dynamic';

/** Her encounters, newest first: status, dates, buyer when known, rated or not, live codes. */
async function get(request: Request) {
  const auth = await authorizeApi(request, ['seller']);
  if ('response' in auth) return auth.response;
  return apiOk({ encounters: await sellerHistory(auth.user.id) });
}

export const GET = withDatabaseFaults(get);
