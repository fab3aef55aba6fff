import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '@/db/queries/notifications';
import { PUSH_PAYLOAD_BYTES, pushPayload } from '@/lib/notifications/payload';

describe('push payload', () => {
  it('has the same length in bytes for every kind: 64', () => {
    expect(NOTIFICATION_KINDS).toHaveLength(6);
    for (const kind of NOTIFICATION_KINDS) expect(Buffer.byteLength(pushPayload(kind))).toBe(64);
    expect(PUSH_PAYLOAD_BYTES).toBe(64);
  });

  it('carries the kind and padding only: no other key, nothing but the padding character', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const parsed = JSON.parse(pushPayload(kind)) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(['t', 'p']);
      expect(parsed.t).toBe(kind);
      expect(parsed.p).toMatch(/^_+$/);
    }
    expect(pushPayload('warning')).toBe(`{"t":"warning","p":"${'_'.repeat(42)}"}`);
  });

  it('is the same for every recipient and every time (nothing personal can be in it)', () => {
    expect(pushPayload('message')).toBe(pushPayload('message'));
    expect(pushPayload('alarm')).toBe('{"t":"alarm","p":"' + '_'.repeat(44) + '"}');
  });
});
