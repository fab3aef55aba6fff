import { rateBody } from '@/lib/api-bodies';
import { apiOk, apiRefusal, beginPost, withDatabaseFaults } from '@/lib/api';
import { rateBuyer } from '@/lib/screening/encounters';

export const dynamic = 'force-dynamic';

const STATUS = { encounterNotFound: 404, alreadyRated: 409, onePerDay: 409 };

/** The seller rates the buyer of one of her encounters. */
async function post(request: Request) {
  const start = await beginPost(request, ['seller'], rateBody);
  if ('response' in start) return start.response;
  const outcome = await rateBuyer(start.user.id, start.body.codeId, { safe: start.body.safe, reliable: start.body.reliable });
  if (!outcome.ok) return apiRefusal(request, outcome, STATUS);
  return apiOk({ ok: true }, 201);
}

export const POST = withDatabaseFaults(post);
