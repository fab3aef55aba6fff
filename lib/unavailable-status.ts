import 'server-only';
import http from 'node:http';
import { database } from '@/db/index';

const store = globalThis as unknown as { __coopUnavailableStatus?: boolean };

/**
 * Next.js answers an error thrown while rendering a page or running a server action with 500, and
 * offers no way to choose another status. When the database has just failed, that 500 is really
 * "try again later": say 503 with Retry-After, so that browsers, proxies and monitors treat it as
 * temporary. The page itself is the localised error boundary (app/[locale]/error.tsx).
 * Route handlers answer 503 themselves (withDatabaseFaults in lib/api.ts).
 */
export function answerDatabaseFaultsWith503(): void {
  if (store.__coopUnavailableStatus) return;
  store.__coopUnavailableStatus = true;
  const proto = http.ServerResponse.prototype;
  const writeHead = proto.writeHead as (this: http.ServerResponse, status: number, ...rest: unknown[]) => http.ServerResponse;
  proto.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    if (status === 500 && database().faultedWithin(5000)) {
      status = 503;
      this.statusMessage = http.STATUS_CODES[503]!;
      if (!this.hasHeader('retry-after')) this.setHeader('Retry-After', '5');
    }
    return writeHead.call(this, status, ...rest);
  } as typeof proto.writeHead;
}
