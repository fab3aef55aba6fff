import { rateBody } from '@/lib/api-bodies';
import { apiOk, apiRefusal, beginPost, withDatabaseFaults } from '@/lib/api';
import { rateSeller } from '@/lib/screening/redeem';

export const dynamic = 'force-dynamic';

const STATUS = { encounterNotFound: 404, alreadyRated: 409 };

/** The buyer rates the seller of a code they redeemed. */
async function post(request: Request) {
  const start = await beginPost(request, ['buyer'], rateBody);
  if ('response' in start) return start.response;
  const outcome = await rateSeller(start.user.id, start.body.codeId, { safe: start.body.safe, reliable: start.body.reliable });
  if (!outcome.ok) return apiRefusal(request, outcome, STATUS);
  return apiOk({ ok: true }, 201);
}

export const POST = withDatabaseFaults(post);
