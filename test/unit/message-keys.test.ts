import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from '@/lib/crypto';
import { EnvError } from '@/lib/env';
import { parseMessageKeys } from '@/lib/message-keys';
import { decryptMessage, encryptMessage } from '@/lib/messages/crypto';
import { DEFAULT_EXPIRY_DAYS, EXPIRY_DAYS, expiryFor, sendSchema } from '@/lib/messages/send';

const key = (fill: number, bytes = 32) => Buffer.alloc(bytes, fill);
const b64 = (fill: number, bytes = 32) => key(fill, bytes).toString('base64');

describe('parseMessageKeys', () => {
  it('reads one versioned key', () => {
    const keys = parseMessageKeys(`1:${b64(1)}`);
    expect(keys.current.version).toBe(1);
    expect(keys.current.key.equals(key(1))).toBe(true);
    expect([...keys.byVersion.keys()]).toEqual([1]);
  });

  it('takes the first entry as the current key, whatever the version numbers', () => {
    const keys = parseMessageKeys(`2:${b64(2)},1:${b64(1)}`);
    expect(keys.current.version).toBe(2);
    expect(keys.current.key.equals(key(2))).toBe(true);
    expect(keys.byVersion.get(1)!.equals(key(1))).toBe(true);
    expect(keys.byVersion.get(2)!.equals(key(2))).toBe(true);

    // An older version listed first is still the one used for new messages.
    const reversed = parseMessageKeys(`1:${b64(1)},7:${b64(7)},3:${b64(3)}`);
    expect(reversed.current.version).toBe(1);
    expect([...reversed.byVersion.keys()].sort()).toEqual([1, 3, 7]);
  });

  it('tolerates spaces around entries and a trailing comma', () => {
    const keys = parseMessageKeys(` 5:${b64(5)} ,  4:${b64(4)} ,`);
    expect(keys.current.version).toBe(5);
    expect(keys.byVersion.size).toBe(2);
  });

  it('takes only standard, padded base64 (what openssl rand -base64 32 prints), nothing appended', () => {
    const raw = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i));
    expect(parseMessageKeys(`9:${raw.toString('base64')}`).current.key.equals(raw)).toBe(true);
    expect(() => parseMessageKeys(`9:${raw.toString('base64url')}`)).toThrow(EnvError);
    expect(() => parseMessageKeys(`9:${raw.toString('base64').replace('=', '')}`)).toThrow(EnvError);
    expect(() => parseMessageKeys(`9:${raw.toString('base64')}AAAA`)).toThrow(EnvError);
  });

  const malformed: [string, string][] = [
    ['empty', ''],
    ['only separators', ' , ,'],
    ['no version', b64(1)],
    ['empty version', `:${b64(1)}`],
    ['non-numeric version', `one:${b64(1)}`],
    ['negative version', `-1:${b64(1)}`],
    ['version zero', `0:${b64(1)}`],
    ['fractional version', `1.5:${b64(1)}`],
    ['no key', '1:'],
    ['key of 16 bytes', `1:${b64(1, 16)}`],
    ['key of 31 bytes', `1:${b64(1, 31)}`],
    ['key of 33 bytes', `1:${b64(1, 33)}`],
    ['key of 64 bytes', `1:${b64(1, 64)}`],
    ['key that is not base64', `1:${'!'.repeat(44)}`],
    ['space inside the entry', `1: ${b64(1)}`],
    ['duplicate version', `1:${b64(1)},1:${b64(2)}`],
    ['duplicate version written differently', `2:${b64(2)},1:${b64(1)},01:${b64(3)}`],
    ['one bad entry among good ones', `2:${b64(2)},x:${b64(1)}`],
  ];

  it.each(malformed)('refuses %s with an EnvError naming MESSAGE_KEYS', (_name, value) => {
    let error: unknown;
    try {
      parseMessageKeys(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(/MESSAGE_KEYS/);
  });

  it('never puts a key into its error message', () => {
    const secret = b64(9, 31);
    expect(() => parseMessageKeys(`1:${secret}`)).toThrow(EnvError);
    try {
      parseMessageKeys(`1:${secret}`);
    } catch (e) {
      expect((e as Error).message).not.toContain(secret);
    }
  });
});

describe('seal / open (AES-256-GCM, "iv.ct.tag")', () => {
  const k = key(3);

  it('round-trips, with a fresh IV each time', () => {
    const a = seal(k, 'hello there', 'row-1');
    const b = seal(k, 'hello there', 'row-1');
    expect(a).not.toBe(b);
    expect(a.split('.')).toHaveLength(3);
    expect(open(k, a, 'row-1')).toBe('hello there');
    expect(open(k, b, 'row-1')).toBe('hello there');
    expect(a).not.toContain('hello');
  });

  it('returns null for another row, another key, or a changed part', () => {
    const sealed = seal(k, 'secret text', 'row-1');
    expect(open(k, sealed, 'row-2')).toBeNull();
    expect(open(key(4), sealed, 'row-1')).toBeNull();
    const parts = sealed.split('.');
    for (let i = 0; i < 3; i++) {
      const changed = [...parts];
      changed[i] = flipFirst(changed[i]!);
      expect(open(k, changed.join('.'), 'row-1'), `part ${i}`).toBeNull();
    }
    expect(open(k, 'garbage', 'row-1')).toBeNull();
    expect(open(k, '', 'row-1')).toBeNull();
    expect(open(k, `${parts[0]}.${parts[1]}`, 'row-1')).toBeNull();
    expect(open(k, `${sealed}.extra`, 'row-1')).toBeNull();
  });
});

describe('encryptMessage / decryptMessage with explicit keys', () => {
  const v1 = parseMessageKeys(`1:${b64(11)}`);
  const v2 = parseMessageKeys(`2:${b64(22)},1:${b64(11)}`);
  const v2only = parseMessageKeys(`2:${b64(22)}`);

  it('encrypts under the current key and reads with any listed key', () => {
    const id = randomUUID();
    const sealed = encryptMessage(id, { body: 'careful with him', buyer: 'Some.Buyer' }, v1);
    expect(sealed.keyVersion).toBe(1);
    const row = { id, ...sealed };
    expect(decryptMessage(row, v1)).toEqual({ body: 'careful with him', buyer: 'Some.Buyer' });
    expect(decryptMessage(row, v2)).toEqual({ body: 'careful with him', buyer: 'Some.Buyer' });
    expect(decryptMessage(row, v2only)).toBeNull();
    expect(encryptMessage(id, { body: 'x' }, v2).keyVersion).toBe(2);
  });

  it('is bound to the message id', () => {
    const id = randomUUID();
    const sealed = encryptMessage(id, { body: 'bound' }, v1);
    expect(decryptMessage({ id: randomUUID(), ...sealed }, v1)).toBeNull();
  });

  it('refuses a payload without a string body instead of crashing', () => {
    const id = randomUUID();
    const k = v1.current.key;
    for (const text of ['{"buyer":"x"}', '{"body":5}', 'not json', 'null', '[]']) {
      expect(decryptMessage({ id, keyVersion: 1, ciphertext: seal(k, text, id) }, v1), text).toBeNull();
    }
  });
});

describe('expiryFor', () => {
  const DAY = 24 * 3_600_000;

  it('is the UTC day after the chosen number of full days', () => {
    const now = new Date('2030-03-10T10:15:30.500Z');
    expect(expiryFor(now, 1)).toBe('2030-03-12');
    expect(expiryFor(now, 7)).toBe('2030-03-18');
    expect(expiryFor(now, 30)).toBe('2030-04-10');
    expect(expiryFor(new Date('2030-03-10T00:00:00.000Z'), 1)).toBe('2030-03-12');
    expect(expiryFor(new Date('2030-03-10T23:59:59.999Z'), 1)).toBe('2030-03-12');
    expect(expiryFor(new Date('2030-12-31T23:00:00.000Z'), 1)).toBe('2031-01-02');
  });

  it('never deletes early nor more than a day late', () => {
    for (let t = Date.UTC(2031, 0, 1); t < Date.UTC(2031, 0, 3); t += 7 * 60_000 + 13_001) {
      for (const days of EXPIRY_DAYS) {
        const day = expiryFor(new Date(t), days);
        expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const deletedFrom = Date.parse(`${day}T00:00:00.000Z`);
        expect(deletedFrom).toBeGreaterThanOrEqual(t + days * DAY);
        expect(deletedFrom).toBeLessThanOrEqual(t + (days + 1) * DAY);
      }
    }
  });
});

describe('sendSchema: expiry days and body', () => {
  const parse = (input: Record<string, unknown>) => sendSchema.safeParse({ kind: 'direct', to: 'Some.One', body: 'hi', ...input });
  const daysError = (r: ReturnType<typeof parse>) => (r.success ? null : r.error.issues.find((i) => i.path[0] === 'days')?.message);

  it('accepts 1, 7 and 30 days (also as form text) and defaults to 7', () => {
    expect(EXPIRY_DAYS).toEqual([1, 7, 30]);
    expect(DEFAULT_EXPIRY_DAYS).toBe(7);
    for (const days of [1, 7, 30, '1', '7', '30']) {
      const r = parse({ days });
      expect(r.success, String(days)).toBe(true);
      if (r.success) expect(r.data.days).toBe(Number(days));
    }
    const r = parse({});
    expect(r.success && r.data.days).toBe(7);
  });

  it('refuses any other day count with expiryInvalid', () => {
    for (const days of [0, 2, 3, 6, 8, 14, 29, 31, 365, -1, 1.5, 'seven', 'Infinity']) {
      expect(daysError(parse({ days })), String(days)).toBe('expiryInvalid');
    }
  });
});

/** Changes the first character of a base64url segment (the first 6 bits of its first byte). */
function flipFirst(segment: string): string {
  return (segment[0] === 'A' ? 'B' : 'A') + segment.slice(1);
}
