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
  const file = path.resolve(e.DATA_DIR, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
  const generated = { ...stored };
  for (const key of missing) generated[key] ??= generate[key]();
  if (missing.some((k) => !stored[k])) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return { ...generated, ...Object.fromEntries(Object.entries(fromEnv).filter(([, v]) => v)) } as Secrets;
}

const store = globalThis as unknown as { __coopSecrets?: Secrets };

export function secrets(): Secrets {
  store.__coopSecrets ??= loadSecrets();
  return store.__coopSecrets;
}
