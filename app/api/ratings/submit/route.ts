import { apiError, apiOk, apiRefusal, beginPost, jsonObject, withDatabaseFaults } from '@/lib/api';
import { rateBuyer } from '@/lib/screening/encounters';

export const dynamic = 'force-dynamic';

const STATUS = { encounterNotFound: 404, alreadyRated: 409, onePerDay: 409 };

/** The seller rates the buyer of one of her encounters. */
async function post(request: Request) {
  const start = await beginPost(request, ['seller']);
  if ('response' in start) return start.response;
  const body = jsonObject(start.body);
  if (!body || typeof body.codeId !== 'string') return apiError(request, 400, 'invalid');
  const outcome = await rateBuyer(start.user.id, body.codeId, { safe: body.safe, reliable: body.reliable });
  if (!outcome.ok) return apiRefusal(request, outcome, STATUS);
  return apiOk({ ok: true }, 201);
}

export const POST = withDatabaseFaults(post);
