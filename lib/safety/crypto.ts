import 'server-only';
import { open, seal } from '@/lib/crypto';
import { purposeKey } from '@/lib/keys';
import type { Position } from './rules';

// A check-in's note and an alarm's position: AES-256-GCM under a key of their own (HKDF of
// HASH_SECRET), bound to the row and what the row is, so a ciphertext copied elsewhere never opens.

const noteBinding = (checkinId: string, sellerId: string) => ['checkin-note/v1', checkinId, sellerId].join('\0');
const positionBinding = (alarmId: string, sellerId: string) => ['alarm-position/v1', alarmId, sellerId].join('\0');

export function sealNote(checkinId: string, sellerId: string, note: string): string {
  return seal(purposeKey('checkin-note'), note, noteBinding(checkinId, sellerId));
}

export function openNote(checkinId: string, sellerId: string, ciphertext: string): string | null {
  return open(purposeKey('checkin-note'), ciphertext, noteBinding(checkinId, sellerId));
}

export function sealPosition(alarmId: string, sellerId: string, position: Position): string {
  return seal(purposeKey('alarm-position'), JSON.stringify(position), positionBinding(alarmId, sellerId));
}

export function openPosition(alarmId: string, sellerId: string, ciphertext: string): Position | null {
  const text = open(purposeKey('alarm-position'), ciphertext, positionBinding(alarmId, sellerId));
  if (text === null) return null;
  try {
    const p = JSON.parse(text) as Position;
    return typeof p.lat === 'number' && typeof p.lon === 'number' && typeof p.accuracy === 'number' ? p : null;
  } catch {
    return null;
  }
}
