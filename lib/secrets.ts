import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env, EnvError } from './env';

export interface Secrets {
  authSecret: string;
  hashSecret: string;
  messageKeys: string;
}

const NAMES = { authSecret: 'AUTH_SECRET', hashSecret: 'HASH_SECRET', messageKeys: 'MESSAGE_KEYS' } as const;

const generate: Record<keyof Secrets, () => string> = {
  authSecret: () => randomBytes(32).toString('base64'),
  hashSecret: () => randomBytes(32).toString('base64'),
  messageKeys: () => `1:${randomBytes(32).toString('base64')}`,
};

/**
 * Secrets come from the environment. In production a missing one stops start-up; in
 * development and tests they are generated once into DATA_DIR/secrets.json, so
 * `npm run dev` needs no set-up.
 */
export function loadSecrets(): Secrets {
  const e = env();
  const fromEnv: Partial<Secrets> = { authSecret: e.AUTH_SECRET, hashSecret: e.HASH_SECRET, messageKeys: e.MESSAGE_KEYS };
  const missing = (Object.keys(NAMES) as (keyof Secrets)[]).filter((k) => !fromEnv[k]);
  if (missing.length === 0) return fromEnv as Secrets;
  if (e.NODE_ENV === 'production') {
    throw new EnvError(
      `Missing secrets in production: ${missing.map((k) => NAMES[k]).join(', ')} ` +
        '(AUTH_SECRET, HASH_SECRET: openssl rand -base64 32; MESSAGE_KEYS: 1:$(openssl rand -base64 32))',
    );
  }
  const file = secretsFile();
  const stored = storedSecrets();
  const generated = { ...stored };
  for (const key of missing) generated[key] ??= generate[key]();
  if (missing.some((k) => !stored[k])) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return { ...generated, ...Object.fromEntries(Object.entries(fromEnv).filter(([, v]) => v)) } as Secrets;
}

const secretsFile = () => path.resolve(env().DATA_DIR, 'secrets.json');

function storedSecrets(): Partial<Secrets> {
  const file = secretsFile();
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>) : {};
}

/**
 * The names of the secrets this process would lack, without generating any: none may come from
 * DATA_DIR/secrets.json in production. A script run without the server's environment (cron)
 * finds them missing here instead of working on the wrong database or under new keys.
 */
export function missingSecrets(): string[] {
  const e = env();
  const fromEnv: Partial<Secrets> = { authSecret: e.AUTH_SECRET, hashSecret: e.HASH_SECRET, messageKeys: e.MESSAGE_KEYS };
  const stored = e.NODE_ENV === 'production' ? {} : storedSecrets();
  return (Object.keys(NAMES) as (keyof Secrets)[]).filter((k) => !fromEnv[k] && !stored[k]).map((k) => NAMES[k]);
}

const store = globalThis as unknown as { __coopSecrets?: Secrets };

export function secrets(): Secrets {
  store.__coopSecrets ??= loadSecrets();
  return store.__coopSecrets;
}
