import autocannon from 'autocannon';
import { buyerName, sellerName } from '../data/generate';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
const randomIndex = (n: number) => 1 + Math.floor(Math.random() * n);

async function run(options: autocannon.Options): Promise<LoadResult> {
  const r = await autocannon(options);
  return {
    requestsPerSecond: Math.round(r.requests.total / r.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    // Anything but a 2xx counts: socket errors, timeouts, 4xx and 5xx.
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** GET /api/buyer/:pseudonym/reputation for uniformly random buyers, as random signed-in sellers. */
export function lookupLoad(url: string, buyers: number, sellerCookies: string[], duration: number, connections: number) {
  return run({
    url,
    duration,
    connections,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: `/api/buyer/${buyerName(randomIndex(buyers))}/reputation`, headers: { cookie: pick(sellerCookies) } }),
      },
    ],
  });
}

/** GET /api/health: the framework's own floor (a route handler and `select 1`), for reference. */
export function healthLoad(url: string, duration: number, connections: number) {
  return run({ url: `${url}/api/health`, duration, connections });
}

/** GET /api/seller/:pseudonym/profile for random sellers, signed out (it is public). */
export function profileLoad(url: string, sellers: number, duration: number, connections: number) {
  return run({
    url,
    duration,
    connections,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/seller/${sellerName(randomIndex(sellers))}/profile` }) }],
  });
}

export interface WriteTally {
  generated: number;
  sellerRated: number;
  redeemed: number;
  buyerRated: number;
  codeIds: Set<string>;
}

export interface WritePlan {
  /** Encounter i pairs seller i mod sellers.length with buyer i mod buyers.length (coprime lengths: no pair twice). */
  sellers: { name: string; cookie: string }[];
  buyers: { name: string; cookie: string }[];
  /** Where the pairing starts: encounters already written today by earlier runs. */
  offset: number;
  iterations: number;
  connections: number;
}

/**
 * The write path, each iteration a signed-in seller and buyer: POST /api/codes/generate (bound to
 * the buyer, with her rating), POST /api/ratings/verify_code, POST /api/ratings/submit_rating.
 */
export async function writeLoad(url: string, plan: WritePlan): Promise<{ load: LoadResult; tally: WriteTally }> {
  const tally: WriteTally = { generated: 0, sellerRated: 0, redeemed: 0, buyerRated: 0, codeIds: new Set() };
  let next = plan.offset;
  const json = (cookie: string, body: unknown) => ({ method: 'POST' as const, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  type Context = { buyer: string; code?: string; codeId?: string };
  const load = await run({
    url,
    amount: plan.iterations * 3,
    connections: plan.connections,
    requests: [
      {
        setupRequest: (req, context) => {
          const i = next++;
          const ctx = context as Context;
          const seller = plan.sellers[i % plan.sellers.length]!;
          const buyer = plan.buyers[i % plan.buyers.length]!;
          ctx.buyer = buyer.cookie;
          const flags = { safe: Math.random() >= 0.05, reliable: Math.random() >= 0.1 };
          return { ...req, path: '/api/codes/generate', ...json(seller.cookie, { buyer: buyer.name, ...flags }) };
        },
        onResponse: (status, body, context) => {
          if (status !== 201) return;
          const answer = JSON.parse(body) as { code: string; codeId: string; rated: boolean };
          Object.assign(context as Context, { code: answer.code, codeId: answer.codeId });
          tally.generated++;
          if (answer.rated) tally.sellerRated++;
          tally.codeIds.add(answer.codeId);
        },
      },
      {
        setupRequest: (req, context) => ({ ...req, path: '/api/ratings/verify_code', ...json((context as Context).buyer, { code: (context as Context).code }) }),
        onResponse: (status) => {
          if (status === 200) tally.redeemed++;
        },
      },
      {
        setupRequest: (req, context) => {
          const ctx = context as Context;
          return { ...req, path: '/api/ratings/submit_rating', ...json(ctx.buyer, { codeId: ctx.codeId, safe: true, reliable: Math.random() >= 0.05 }) };
        },
        onResponse: (status) => {
          if (status === 201) tally.buyerRated++;
        },
      },
    ],
  });
  return { load, tally };
}
