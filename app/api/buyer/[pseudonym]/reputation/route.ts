import { apiError, apiOk, withDatabaseFaults } from '@/lib/api';
import { getCurrentUser } from '@/lib/auth/current-user';
import { reputationReply } from '@/lib/screening/reputation-reply';

export const dynamic = 'force-dynamic';

/**
 * A seller's live look-up of a buyer (lib/screening/reputation-reply.ts). Under `npm start` the
 * lean handler in lib/http/fast-lookup.ts answers most of these requests before Next.js does, with
 * the same checks and the same answer; this route answers the rest (and every request under `next dev`).
 */
async function get(request: Request, { params }: { params: Promise<{ pseudonym: string }> }) {
  const reply = await reputationReply(await getCurrentUser(), (await params).pseudonym);
  return 'error' in reply ? apiError(request, reply.status, reply.error) : apiOk(reply.body, reply.status);
}

export const GET = withDatabaseFaults(get);
