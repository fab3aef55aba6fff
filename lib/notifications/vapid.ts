import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import { env, EnvError, type Env } from '@/lib/env';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const DEV_SUBJECT = 'mailto:push@localhost.invalid';

/** A P-256 key pair, base64url (web-push pads the private key to 32 bytes, the public to 65). */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}

/**
 * The VAPID keys: from VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT; required in
 * production. In development and tests, generated once and kept in DATA_DIR/secrets.json beside
 * the other local secrets (a new pair would orphan every device's subscription).
 */
export function loadVapidKeys(e: Env = env()): VapidKeys {
  const complete = e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY && (e.VAPID_SUBJECT || e.NODE_ENV !== 'production');
  if (complete && e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY) {
    return { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT ?? DEV_SUBJECT };
  }
  if (e.NODE_ENV === 'production') {
    throw new EnvError(
      'Missing VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT in production (generate a pair: npx web-push generate-vapid-keys; subject: mailto:<an address of the cooperative>)',
    );
  }
  const file = path.resolve(e.DATA_DIR, 'secrets.json');
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  // A pair an earlier version stored unpadded (31 bytes) is replaced: web-push refuses it.
  if (typeof stored.vapidPublicKey === 'string' && typeof stored.vapidPrivateKey === 'string' && stored.vapidPrivateKey.length === 43) {
    return { publicKey: stored.vapidPublicKey, privateKey: stored.vapidPrivateKey, subject: e.VAPID_SUBJECT ?? DEV_SUBJECT };
  }
  const pair = generateVapidKeys();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ ...stored, vapidPublicKey: pair.publicKey, vapidPrivateKey: pair.privateKey }, null, 2), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return { ...pair, subject: e.VAPID_SUBJECT ?? DEV_SUBJECT };
}

const store = globalThis as unknown as { __coopVapid?: VapidKeys };

export function vapidKeys(): VapidKeys {
  store.__coopVapid ??= loadVapidKeys();
  return store.__coopVapid;
}
