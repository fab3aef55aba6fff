import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, apiMethods } from '@/lib/http/api-routes';
import { BODY_LIMIT, screen, ourHost } from '@/lib/http/screen';

const req = (method: string, pathname: string, headers: Record<string, string> = {}) =>
  screen({ method, pathname, headers: new Headers(headers) });

/** Every app/api route.ts and the methods it exports, read from the source. */
function routeFiles(dir = 'app/api', prefix = '/api'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, routeFiles(full, `${prefix}/${entry.name}`));
    else if (entry.name === 'route.ts' && !prefix.includes('[...')) {
      const source = readFileSync(full, 'utf8');
      const methods = [...source.matchAll(/export (?:async function|function|const) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((m) => m[1] ?? '');
      out[prefix] = methods.sort();
    }
  }
  return out;
}

describe('the API route table', () => {
  it('lists exactly the routes and methods of app/api', () => {
    const table = Object.fromEntries(Object.entries(API_ROUTES).map(([p, m]) => [p, [...m].sort()]));
    expect(table).toEqual(routeFiles());
  });

  it('matches dynamic segments and adds what Next.js answers itself', () => {
    expect(apiMethods('/api/buyer/Kiki_77/reputation')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(apiMethods('/api/coordinator/metrics.csv')).toContain('GET');
    expect(apiMethods('/api/coordinator/metricsXcsv')).toBeNull();
    expect(apiMethods('/api/buyer/a/b/reputation')).toBeNull();
    expect(apiMethods('/api')).toBeNull();
  });
});

describe('screen()', () => {
  it('refuses undecodable and double-encoded paths', () => {
    expect(req('GET', '/api/buyer/%E0%A4%A/reputation')).toEqual({ refusal: { status: 400, code: 'badPath' } });
    expect(req('GET', '/de/%')).toEqual({ refusal: { status: 400, code: 'badPath' } });
    expect(req('GET', '/de/s/%25')).toEqual({ refusal: { status: 400, code: 'badPath' } });
    expect(req('GET', '/de/s/Rosa%2EK')).toEqual({ ok: true });
  });

  it('answers unknown API paths 404 and other methods 405 with Allow', () => {
    expect(req('GET', '/api/nothing')).toEqual({ refusal: { status: 404, code: 'notFound' } });
    expect(req('DELETE', '/api/health')).toEqual({ refusal: { status: 405, code: 'methodNotAllowed', allow: 'GET, HEAD, OPTIONS' } });
    expect(req('PUT', '/de')).toEqual({ refusal: { status: 405, code: 'methodNotAllowed', allow: 'GET, HEAD, POST' } });
    expect(req('OPTIONS', '/api/seller/x/profile')).toEqual({ ok: true });
  });

  it('refuses bodies over the limit by their length, and streamed bodies without one', () => {
    expect(req('POST', '/api/messages', { 'content-length': String(BODY_LIMIT) })).toEqual({ ok: true });
    expect(req('POST', '/api/messages', { 'content-length': String(BODY_LIMIT + 1) })).toEqual({ refusal: { status: 413, code: 'tooLarge' } });
    expect(req('POST', '/api/messages', { 'transfer-encoding': 'chunked' })).toEqual({ refusal: { status: 411, code: 'lengthRequired' } });
  });

  it('lets page POSTs through only from our own origin', () => {
    const host = { host: 'coop.example' };
    expect(req('POST', '/de/sign-in', { ...host, origin: 'https://coop.example' })).toEqual({ ok: true });
    expect(req('POST', '/de/sign-in', host)).toEqual({ ok: true });
    expect(req('POST', '/de/sign-in', { ...host, origin: 'https://evil.example' })).toEqual({ refusal: { status: 403, code: 'crossOrigin' } });
    expect(req('POST', '/de/sign-in', { ...host, origin: 'not a url' })).toEqual({ refusal: { status: 403, code: 'crossOrigin' } });
    expect(req('POST', '/de/sign-in', { ...host, origin: 'null' })).toEqual({ refusal: { status: 403, code: 'crossOrigin' } });
    expect(req('POST', '/de/sign-in', { ...host, origin: 'null', 'sec-fetch-site': 'cross-site' })).toEqual({ refusal: { status: 403, code: 'crossOrigin' } });
    // A privacy browser's same-site form post: the browser itself vouches with Sec-Fetch-Site.
    expect(req('POST', '/de/sign-in', { ...host, origin: 'null', 'sec-fetch-site': 'same-origin' })).toEqual({ ok: true, sameSiteNullOrigin: true });
    // X-Forwarded-Host is anyone's to send: it never makes a foreign origin ours.
    expect(req('POST', '/de/sign-in', { host: 'coop.example', 'x-forwarded-host': 'evil.example', origin: 'https://evil.example' })).toEqual({ refusal: { status: 403, code: 'crossOrigin' } });
  });

  it('with a configured public origin, only posts from it count as ours', () => {
    const headers = new Headers({ host: 'internal:3000' });
    expect(ourHost(headers, 'https://coop.example')).toBe('coop.example');
    expect(ourHost(headers, undefined)).toBe('internal:3000');
  });
});
