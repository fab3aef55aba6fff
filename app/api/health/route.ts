import { databaseIsReachable } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/** 200 while the database answers; 503 within 2 s when it is refused or silent (load balancers, monitoring). */
export async function GET() {
  const ok = await databaseIsReachable();
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unreachable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
