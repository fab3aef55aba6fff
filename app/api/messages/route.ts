import { messageBody } from '@/lib/api-bodies';
import { apiOk, apiRefusal, authorizeApi, beginPost, withDatabaseFaults } from '@/lib/api';
import { board, inbox } from '@/lib/messages/read';
import { sendMessage } from '@/lib/messages/send';

export const dynamic = 'force-dynamic';

/** Her direct messages (by conversation) and the warning board, decrypted. */
async function get(request: Request) {
  const auth = await authorizeApi(request, ['seller']);
  if ('response' in auth) return auth.response;
  const [conversations, warnings] = await Promise.all([inbox(auth.user.id), board(auth.user.id)]);
  return apiOk({ conversations, warnings });
}

/** `{ kind: "direct", to, body, days? }` or `{ kind: "warning", body, buyer?, days? }`. */
async function post(request: Request) {
  const start = await beginPost(request, ['seller'], messageBody);
  if ('response' in start) return start.response;
  const outcome = await sendMessage(start.user.id, start.body);
  if (!outcome.ok) return apiRefusal(request, outcome, { messageLimit: 429 });
  return apiOk({ id: outcome.id }, 201);
}

export const GET = withDatabaseFaults(get);
export const POST = withDatabaseFaults(post);
