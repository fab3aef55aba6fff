import { authorizeApi, withDatabaseFaults } from '@/lib/api';
import { csvLocale, metricsCsv } from '@/lib/metrics/csv';
import { weeklyMetrics } from '@/lib/metrics/dashboard';

export const dynamic = 'force-dynamic';

/** The dashboard's aggregate tables for the pilot's reports (coordinators only). */
async function get(request: Request) {
  const auth = await authorizeApi(request, ['coordinator']);
  if ('response' in auth) return auth.response;
  const locale = csvLocale(new URL(request.url).searchParams.get('locale'), request.headers.get('accept-language'));
  return new Response(metricsCsv(await weeklyMetrics(), locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="pilot-metrics-${locale}.csv"`,
      'Content-Language': locale,
      'Cache-Control': 'no-store',
      Vary: 'Accept-Language',
    },
  });
}

export const GET = withDatabaseFaults(get);
