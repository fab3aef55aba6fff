import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';
import { generateVapidKeys, loadVapidKeys } from '@/lib/notifications/vapid';

const pair = generateVapidKeys();

describe('VAPID keys', () => {
  it('are a P-256 pair in base64url: 65-byte uncompressed public key, 32-byte private key', () => {
    expect(Buffer.from(pair.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(pair.publicKey, 'base64url')[0]).toBe(4);
    expect(Buffer.from(pair.privateKey, 'base64url')).toHaveLength(32);
  });

  it('come from the environment when set, and are validated there', () => {
    const e = parseEnv({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey, VAPID_SUBJECT: 'mailto:coop@example.org' });
    expect(loadVapidKeys(e)).toEqual({ ...pair, subject: 'mailto:coop@example.org' });
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: pair.privateKey })).toThrow(/VAPID_PUBLIC_KEY/);
    expect(() => parseEnv({ VAPID_SUBJECT: 'http://coop.example' })).toThrow(/VAPID_SUBJECT/);
  });

  it('are required in production (all three), naming the variables', () => {
    expect(() => loadVapidKeys(parseEnv({ NODE_ENV: 'production' }))).toThrow(EnvError);
    expect(() => loadVapidKeys(parseEnv({ NODE_ENV: 'production' }))).toThrow(/VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT/);
    expect(() => loadVapidKeys(parseEnv({ NODE_ENV: 'production', VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey }))).toThrow(/VAPID_SUBJECT/);
  });

  it('outside production are generated once into DATA_DIR/secrets.json, beside the other local secrets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-vapid-'));
    fs.writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify({ authSecret: 'kept' }));
    const e = parseEnv({ NODE_ENV: 'development', DATA_DIR: dir });
    const first = loadVapidKeys(e);
    const second = loadVapidKeys(e);
    expect(second).toEqual(first);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as Record<string, string>;
    expect(stored).toEqual({ authSecret: 'kept', vapidPublicKey: first.publicKey, vapidPrivateKey: first.privateKey });
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o077).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });
});
