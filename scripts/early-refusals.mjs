// What never reaches proxy.ts: Node's HTTP parser drops requests it cannot parse (an unknown
// method such as FOO, a malformed header) with an empty 400, and Next.js builds a fetch Request
// for its proxy, which throws on TRACE and TRACK (a 500). Both get the app's error contract here:
// JSON `{ error: { code, message } }` under /api, a small localised page elsewhere, no stack.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const errors = Object.fromEntries(
  ['de', 'en'].map((l) => [l, JSON.parse(readFileSync(path.resolve(`messages/${l}.json`), 'utf8')).Errors]),
);
const securityHeaders = [
  ['Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];
const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Status line, headers and body of a refusal for `target` (the request line's path). */
export function refusal(status, code, target, acceptLanguage = '', allow) {
  const pathname = String(target ?? '/').split('?')[0];
  const api = pathname === '/api' || pathname.startsWith('/api/');
  const wanted = api ? acceptLanguage.split(',')[0]?.trim().slice(0, 2).toLowerCase() : pathname.split('/')[1];
  const locale = wanted === 'en' ? 'en' : 'de';
  const t = errors[locale];
  const headers = [['Cache-Control', 'no-store'], ...(allow ? [['Allow', allow]] : [])];
  if (api) {
    const body = JSON.stringify({ error: { code, message: t[code] } });
    return { status, headers: [...headers, ['Content-Type', 'application/json']], body };
  }
  const body = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><main><h1>${escape(t.title)}</h1><p>${escape(t[code])}</p><p><a href="/${locale}">${escape(t.home)}</a></p></main></body></html>`;
  return { status, headers: [...headers, ['Content-Type', 'text/html; charset=utf-8'], ...securityHeaders], body };
}

const UNFETCHABLE = new Set(['TRACE', 'TRACK', 'CONNECT']);

function onRequest(listener) {
  return (req, res) => {
    // A client that leaves mid-upload makes the request emit 'aborted', which Next.js's proxy
    // body copy leaves unhandled (an uncaughtException): the client is gone, nothing to answer.
    req.on('error', () => {});
    // The buyer look-up's JSON API, once the server has started (lib/http/fast-lookup.ts).
    if (globalThis.__coopFastRoutes?.(req, res)) return;
    if (!UNFETCHABLE.has(req.method)) return listener(req, res);
    req.resume();
    const r = refusal(405, 'methodNotAllowed', req.url, req.headers['accept-language'], 'GET, HEAD, POST');
    res.writeHead(r.status, Object.fromEntries(r.headers));
    res.end(r.body);
  };
}

function onClientError(err, socket) {
  if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const target = String(err.rawPacket ?? '').split('\r\n')[0]?.split(' ')[1];
  const r = refusal(status, status === 400 ? 'invalid' : status === 431 ? 'tooLarge' : 'invalid', target);
  const head = [...r.headers, ['Connection', 'close']].map(([k, v]) => `${k}: ${v}`).join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${head}\r\nContent-Length: ${Buffer.byteLength(r.body)}\r\n\r\n${r.body}`);
}

/** Wraps the server Next.js creates: call before importing .next/standalone/server.js. */
export function installEarlyRefusals() {
  const create = http.createServer;
  http.createServer = function createServer(...args) {
    const i = args.findIndex((a) => typeof a === 'function');
    if (i >= 0) args[i] = onRequest(args[i]);
    const server = create.apply(this, args);
    server.on('clientError', onClientError);
    return server;
  };
}
