import { apiError } from '@/lib/api';

export const dynamic = 'force-dynamic';

/** Unknown API paths: the JSON 404 (proxy.ts answers first; this is for anything it lets through). */
function notFound(request: Request) {
  return apiError(request, 404, 'notFound');
}

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
