import fs from 'node:fs';
import path from 'node:path';
import { test, type FullConfig } from '@playwright/test';

// What the e2e run must never find in the server's log: every pseudonym created and code shown.
// Each worker appends to one file in the run's data directory (short O_APPEND lines do not
// interleave); global-teardown.ts reads it against the server log the web server command writes.

type WebServer = { env?: Record<string, string> } | null | undefined;

export function logDirOf(config: Pick<FullConfig, 'webServer'>): string {
  const web = config.webServer as WebServer;
  return path.join(web?.env?.DATA_DIR ?? '.data/e2e', 'logs');
}

function currentLogDir(): string {
  try {
    return logDirOf(test.info().config);
  } catch {
    return logDirOf({ webServer: null }); // outside a test: the default run's directory
  }
}

/** Notes a pseudonym or a code the server must not log. */
export function rememberSecret(kind: 'pseudonym' | 'code', value: string): void {
  const dir = currentLogDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, 'secrets.txt'), `${kind}\t${value}\n`);
}
