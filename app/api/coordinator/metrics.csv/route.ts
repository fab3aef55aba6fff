import { authorizeApi, withDatabaseFaults } from '@/lib/api';
import { metricsCsv } from '@/lib/metrics/csv';
import { weeklyMetrics } from '@/lib/metrics/dashboard';

export const dynamic = 'force-dynamic';

/** The dashboard's aggregate tables for the pilot's reports (coordinators only). */
async function get(request: Request) {
  const auth = await authorizeApi(request, ['coordinator']);
  if ('response' in auth) return auth.response;
  return new Response(metricsCsv(await weeklyMetrics()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="pilot-metrics.csv"',
      'Cache-Control': 'no-store',
    },
  });
}

export const GET = withDatabaseFaults(get);
