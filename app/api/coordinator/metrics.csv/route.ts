import { authorizeApi, withDatabaseFaults } from '@/lib/api';
import { csvLocale, metricsCsv } from '@/lib/metrics/csv';
import { weeklyMetrics } from '@/lib/metrics/dashboard';
import { reportMetrics } from '@/lib/metrics/report-dashboard';

export const dynamic = 'force-dynamic';

/** The dashboard's aggregate tables, the pilot's figures and the incident reports' (coordinators only). */
async function get(request: Request) {
  const auth = await authorizeApi(request, ['coordinator']);
  if ('response' in auth) return auth.response;
  const locale = csvLocale(new URL(request.url).searchParams.get('locale'), request.headers.get('accept-language'));
  const [{ weeks }, reports] = await Promise.all([weeklyMetrics(), reportMetrics()]);
  return new Response(metricsCsv(weeks, locale, reports), {
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
