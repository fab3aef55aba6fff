import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import webpush from 'web-push';

// The CI machine's PostgreSQL (.ci/run starts it before `npm test`); trust authentication.
export const PG = { host: '127.0.0.1', port: 5432 };
const ADMIN_URL = `postgres://postgres@${PG.host}:${PG.port}/postgres`;

export function postgresIsUp(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(PG, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
  });
}

/** A port nobody listens on right now (other engineers' and CI's servers run beside these tests). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A database of the test's own, dropped afterwards. */
export async function scratchDatabase(): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `faults_${randomBytes(5).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  return {
    name,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface AppServer {
  url: string;
  /** stdout and stderr together, as an operator would read them. */
  log: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** The server's process (under scripts/cluster.mjs, the primary). */
  pid: number;
  stop: () => Promise<void>;
}

/** The built standalone server (`npm start`, as deployed) on the given PostgreSQL URL. */
export function startApp(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): AppServer {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-faults-'));
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      INSECURE_COOKIES: '1',
      AUTH_SECRET: randomBytes(32).toString('base64'),
      HASH_SECRET: randomBytes(32).toString('base64'),
      MESSAGE_KEYS: `1:${randomBytes(32).toString('base64')}`,
      ...vapidEnv(),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    stderr: () => stderr,
    exited,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` holds or the time is up; returns the milliseconds it took, or null. */
export async function within(ms: number, probe: () => Promise<boolean>): Promise<number | null> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await probe().catch(() => false)) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

export interface Answer {
  name: string;
  /** The HTTP status; 'timeout' when no whole answer came within the limit; 'error' when the connection failed (body: why). */
  status: number | 'timeout' | 'error';
  ms: number;
  contentType: string;
  cacheControl: string;
  body: string;
}

/**
 * One request, given up after `limitMs` (an answer later than that counts as a hang). The limit is a
 * timer of its own around the headers and the body: an AbortSignal that fires while a body is being
 * read can leave `text()` pending for ever (nodejs/node#56917). Not reproduced here, but a CI run
 * once hung in e2e/database-faults.spec.ts until the test's 180 s ran out, past this 2 s limit.
 */
export async function ask(url: string, name: string, headers: Record<string, string>, limitMs: number): Promise<Answer> {
  const start = Date.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => (controller.abort(), resolve('timeout')), limitMs);
  });
  const whole = (async () => {
    const response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
    return { response, body: await response.text() };
  })();
  const failed = (status: 'timeout' | 'error', body = '') => ({ name, status, ms: Date.now() - start, contentType: '', cacheControl: '', body });
  try {
    const answer = await Promise.race([whole, late]);
    // A late rejection of `whole` is handled: race() listens to it.
    if (answer === 'timeout') return failed('timeout');
    const { response, body } = answer;
    return {
      name,
      status: response.status,
      ms: Date.now() - start,
      contentType: response.headers.get('content-type') ?? '',
      cacheControl: response.headers.get('cache-control') ?? '',
      body,
    };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return failed('error', [String(err), cause?.code, cause?.message].filter(Boolean).join(' / '));
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh VAPID pair (production requires one for Web Push). */
export function vapidEnv() {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys(); // padded: 32 and 65 bytes
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: 'mailto:push@example.org' };
}
