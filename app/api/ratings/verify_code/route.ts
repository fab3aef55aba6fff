import { redeemBody } from '@/lib/api-bodies';
import { apiOk, apiRefusal, beginPost, withDatabaseFaults } from '@/lib/api';
import { redeemCode } from '@/lib/screening/redeem';

export const dynamic = 'force-dynamic';

const STATUS = { buyerLimit: 429, globalLimit: 429 };

/** A buyer redeems a code. Every invalid code gets the same 400 'invalidCode': no oracle. */
async function post(request: Request) {
  const start = await beginPost(request, ['buyer'], redeemBody);
  if ('response' in start) return start.response;
  const outcome = await redeemCode(start.user.id, start.body.code);
  if (!outcome.ok) return apiRefusal(request, outcome, STATUS);
  return apiOk({ codeId: outcome.codeId, seller: outcome.seller });
}

export const POST = withDatabaseFaults(post);
