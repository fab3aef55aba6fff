import { apiError, apiLocale, apiOk, apiRefusal, beginPost, jsonObject, withDatabaseFaults } from '@/lib/api';
import { recordEncounter, type RecordInput } from '@/lib/screening/encounters';

export const dynamic = 'force-dynamic';

/** Records an encounter: a new code, bound to a buyer unless `unbound`, with her optional rating. */
async function post(request: Request) {
  const start = await beginPost(request, ['seller']);
  if ('response' in start) return start.response;
  const body = jsonObject(start.body);
  if (!body) return apiError(request, 400, 'invalid');
  // The service validates every field (types included) with its own schema.
  const outcome = await recordEncounter(start.user.id, body as RecordInput);
  if (!outcome.ok) return apiRefusal(request, outcome);
  const { codeId, code, expiresOn, rated } = outcome;
  return apiOk({ codeId, code, expiresOn, rated, redeemPath: `/${apiLocale(request)}/r/${code}` }, 201);
}

export const POST = withDatabaseFaults(post);
