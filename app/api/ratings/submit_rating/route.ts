import { apiError, apiOk, apiRefusal, beginPost, jsonObject, withDatabaseFaults } from '@/lib/api';
import { rateSeller } from '@/lib/screening/redeem';

export const dynamic = 'force-dynamic';

const STATUS = { encounterNotFound: 404, alreadyRated: 409 };

/** The buyer rates the seller of a code they redeemed. */
async function post(request: Request) {
  const start = await beginPost(request, ['buyer']);
  if ('response' in start) return start.response;
  const body = jsonObject(start.body);
  if (!body || typeof body.codeId !== 'string') return apiError(request, 400, 'invalid');
  const outcome = await rateSeller(start.user.id, body.codeId, { safe: body.safe, reliable: body.reliable });
  if (!outcome.ok) return apiRefusal(request, outcome, STATUS);
  return apiOk({ ok: true }, 201);
}

export const POST = withDatabaseFaults(post);
