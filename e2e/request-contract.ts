import { readdirSync, readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

// The error contract of issue 14, as assertions: shared by the fuzz test and the targeted cases.

export const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];

export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/**
 * No 5xx; under /api every error is `{ error: { code, message } }` JSON with no-store; no error
 * has an empty body; every HTML answer has the security headers. `label` names the request.
 */
export async function expectContract(response: APIResponse, pathname: string, method: string, label: string) {
  const status = response.status();
  const headers = response.headers();
  const type = headers['content-type'] ?? '';
  expect(status, label).toBeLessThan(500);
  const body = method === 'HEAD' ? null : await response.body();
  if (status >= 400 && isApiPath(pathname)) {
    expect(type, label).toContain('application/json');
    expect(headers['cache-control'], label).toContain('no-store');
    if (body) {
      const { error } = JSON.parse(body.toString()) as { error: { code: unknown; message: unknown } };
      expect(typeof error.code, label).toBe('string');
      expect(String(error.message).length, label).toBeGreaterThan(0);
    }
  }
  if (status >= 400 && body) expect(body.length, label).toBeGreaterThan(0);
  if (status === 405) expect(headers.allow, label).toBeTruthy();
  if (type.includes('text/html')) for (const h of SECURITY_HEADERS) expect(headers[h], `${label}: ${h}`).toBeTruthy();
}

/** The ids of the server actions a page's no-JavaScript forms carry. */
export async function actionIds(request: APIRequestContext, path: string): Promise<string[]> {
  const html = await (await request.get(path)).text();
  return [...new Set([...html.matchAll(/&quot;id&quot;:&quot;([0-9a-f]{20,})&quot;|"id":"([0-9a-f]{20,})"/g)].map((m) => m[1] ?? m[2] ?? ''))];
}

/** The e2e server's process (playwright.config.ts starts it with PORT), found through /proc. */
export function serverPid(port: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if ((cmd.includes('next-server') || cmd.includes('start.mjs')) && env.includes(`PORT=${port}`)) return Number(entry);
    } catch {
      // A process that ended or is not ours.
    }
  }
  throw new Error(`no server process with PORT=${port}`);
}

/** Resident memory in kB, from /proc/<pid>/status. */
export function residentKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0]);
}
