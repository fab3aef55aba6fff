import { z } from 'zod';
import { apiOk, apiRefusal, beginPost, withDatabaseFaults } from '@/lib/api';
import { lookupIdentifier } from '@/lib/reports/lookup';

export const dynamic = 'force-dynamic';

// A POST, not a GET: a phone number or a plate must not travel in a URL (proxy logs, history).
const body = z.object({
  kind: z.string('identifierKind').max(20, 'identifierKind'),
  value: z.string('identifierEmpty').max(200, 'identifierTooLong'),
  platform: z.string('identifierHandle').max(20, 'identifierHandle').optional(),
});

/** `{ kind: "phone" | "plate" | "handle" | "pseudonym", value, platform? }` → the live reports naming it, never the reporter. */
async function post(request: Request) {
  const start = await beginPost(request, ['seller'], body);
  if ('response' in start) return start.response;
  const outcome = await lookupIdentifier(start.body as Parameters<typeof lookupIdentifier>[0]);
  if (!outcome.ok) return apiRefusal(request, outcome);
  return apiOk({ kind: outcome.kind, value: outcome.value, reports: outcome.reports });
}

export const POST = withDatabaseFaults(post);
