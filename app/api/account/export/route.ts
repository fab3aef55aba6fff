import { apiError, apiOk, authorizeApi, withDatabaseFaults } from '@/lib/api';
import { exportAccount } from '@/lib/rights/export';

export const dynamic = 'force-dynamic';

/** Her own data as a JSON download (GDPR Art. 15/20): any role, her session only. */
async function get(request: Request) {
  const auth = await authorizeApi(request);
  if ('response' in auth) return auth.response;
  const data = await exportAccount(auth.user.id);
  if (!data) return apiError(request, 401, 'signInRequired');
  return apiOk(data, 200, { 'Content-Disposition': `attachment; filename="my-data-${data.exportedOn}.json"` });
}

export const GET = withDatabaseFaults(get);
