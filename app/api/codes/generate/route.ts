import { generateBody } from '@/lib/api-bodies';
import { apiLocale, apiOk, apiRefusal, beginPost, withDatabaseFaults } from '@/lib/api';
import { recordEncounter } from '@/lib/screening/encounters';

export const dynamic = 'force-dynamic';

/** Records an encounter: a new code, bound to a buyer unless `unbound`, with her optional rating. */
async function post(request: Request) {
  const start = await beginPost(request, ['seller'], generateBody);
  if ('response' in start) return start.response;
  // Types are checked by the schema; the service applies the rules (pseudonym, flags).
  const outcome = await recordEncounter(start.user.id, start.body);
  if (!outcome.ok) return apiRefusal(request, outcome);
  const { codeId, code, expiresOn, rated, ratingRefused } = outcome;
  return apiOk({ codeId, code, expiresOn, rated, ratingRefused, redeemPath: `/${apiLocale(request)}/r/${code}` }, 201);
}

export const POST = withDatabaseFaults(post);
