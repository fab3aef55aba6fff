import { EnvError } from './env';

export interface MessageKeys {
  current: { version: number; key: Buffer };
  byVersion: Map<number, Buffer>;
}

/**
 * MESSAGE_KEYS = "2:<base64>,1:<base64>": versioned AES-256 keys, the first is used for new
 * messages, the others only to read older ones until `npm run rotate-keys` has moved them.
 */
export function parseMessageKeys(value: string): MessageKeys {
  const byVersion = new Map<number, Buffer>();
  let current: MessageKeys['current'] | undefined;
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    // Exactly 32 bytes in standard base64: 43 characters and one '='.
    const match = /^(\d{1,9}):([A-Za-z0-9+/]{43}=)$/.exec(entry);
    const version = match ? Number(match[1]) : NaN;
    const key = match ? Buffer.from(match[2]!, 'base64') : Buffer.alloc(0);
    if (!match || version < 1 || key.length !== 32) {
      throw new EnvError('MESSAGE_KEYS: each entry must be <version>:<base64 of 32 random bytes>, e.g. 1:$(openssl rand -base64 32)');
    }
    if (byVersion.has(version)) throw new EnvError(`MESSAGE_KEYS: version ${version} is listed twice`);
    byVersion.set(version, key);
    current ??= { version, key };
  }
  if (!current) throw new EnvError('MESSAGE_KEYS: no key given');
  return { current, byVersion };
}
