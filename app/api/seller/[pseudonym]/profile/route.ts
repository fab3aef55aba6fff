import { apiError, apiOk, withDatabaseFaults } from '@/lib/api';
import { publicSellerProfile } from '@/lib/screening/profile';

export const dynamic = 'force-dynamic';

/** Public and CORS-readable, so that a seller's own website can show it. Nothing else is. */
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** Minimal public verification of a seller: member since (month) and the last weekly snapshot. */
async function get(request: Request, { params }: { params: Promise<{ pseudonym: string }> }) {
  const profile = await publicSellerProfile((await params).pseudonym);
  if (!profile) return apiError(request, 404, 'notFound', CORS);
  return apiOk(profile, 200, CORS);
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...CORS, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Max-Age': '86400' } });
}

export const GET = withDatabaseFaults(get);
