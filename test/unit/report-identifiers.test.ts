import { describe, expect, it } from 'vitest';
import { matchKey, normaliseHandle, normaliseIdentifier, normalisePhone, normalisePlate, normalisePseudonym } from '@/lib/reports/identifiers';

describe('phone numbers → E.164 (default region DE)', () => {
  it.each([
    ['0151 23456789', '+4915123456789'],
    ['0151/234 567 89', '+4915123456789'],
    ['+49 151 23456789', '+4915123456789'],
    ['0049 151-234-567-89', '+4915123456789'],
    ['+49 (0)151 23456789', '+4915123456789'],
    ['030 1234567', '+49301234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+43 664 1234567', '+436641234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['12', '0151 2', 'not a number', '+49', '', '0'.repeat(200)])('refuses %j', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe('car plates: upper case, no spaces or dashes, umlauts kept', () => {
  it.each([
    ['M-AB 1234', 'MAB1234'],
    ['m ab 1234', 'MAB1234'],
    ['B XY 12E', 'BXY12E'],
    ['b-xy-12e', 'BXY12E'],
    ['MÜ-Ä 99', 'MÜÄ99'],
    ['tö–ab 7', 'TÖAB7'],
    ['  HH  AB  123 ', 'HHAB123'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePlate(input)).toBe(expected);
  });

  it.each(['', '-', 'M', 'M/AB 12', 'AB+12', 'A'.repeat(13)])('refuses %j', (input) => {
    expect(normalisePlate(input)).toBeNull();
  });
});

describe('handles: a platform from the list and the name without @, lower case', () => {
  it.each([
    ['instagram', '@Kiki_99', 'instagram:kiki_99'],
    ['telegram', '  @@KikiBerlin  ', 'telegram:kikiberlin'],
    ['other', 'Name.On.Site', 'other:name.on.site'],
  ])('%s %j → %s', (platform, name, expected) => {
    expect(normaliseHandle(platform, name)).toBe(expected);
  });

  it('refuses an unknown platform, an empty name and a name with spaces', () => {
    expect(normaliseHandle('myspace', 'kiki')).toBeNull();
    expect(normaliseHandle('instagram', ' @ ')).toBeNull();
    expect(normaliseHandle('instagram', 'kiki berlin')).toBeNull();
  });
});

describe('pseudonyms as the service compares them', () => {
  it('trims and lower-cases, refuses what no account can be called', () => {
    expect(normalisePseudonym('  Kunde_7 ')).toBe('kunde_7');
    expect(normalisePseudonym('a')).toBeNull();
    expect(normalisePseudonym('mit leerzeichen')).toBeNull();
  });
});

describe('normaliseIdentifier and matching', () => {
  it('gives each kind its own error code', () => {
    expect(normaliseIdentifier('phone', '12')).toEqual({ ok: false, error: 'identifierPhone' });
    expect(normaliseIdentifier('plate', '!')).toEqual({ ok: false, error: 'identifierPlate' });
    expect(normaliseIdentifier('handle', 'kiki', 'nowhere')).toEqual({ ok: false, error: 'identifierHandle' });
    expect(normaliseIdentifier('pseudonym', 'x')).toEqual({ ok: false, error: 'identifierPseudonym' });
    expect(normaliseIdentifier('email', 'a@b.c')).toEqual({ ok: false, error: 'identifierKind' });
  });

  it('matches the same number, plate or handle however it was typed', () => {
    const key = (kind: string, value: string, platform?: string) => {
      const n = normaliseIdentifier(kind, value, platform);
      return n.ok ? matchKey(n.kind, n.value) : null;
    };
    expect(key('phone', '0151 23456789')).toBe(key('phone', '+49-151-234-567-89'));
    expect(key('plate', 'M-AB 1234')).toBe(key('plate', 'mab1234'));
    expect(key('handle', '@Kiki', 'instagram')).toBe(key('handle', 'kiki', 'instagram'));
    expect(key('pseudonym', 'Kunde_7')).toBe(key('pseudonym', 'kunde_7'));
  });

  it('never matches across kinds, platforms or different values', () => {
    const phone = normaliseIdentifier('phone', '0151 23456789');
    expect(phone.ok && matchKey('phone', phone.value)).not.toBe(matchKey('plate', '+4915123456789'));
    expect(normaliseHandle('instagram', 'kiki')).not.toBe(normaliseHandle('telegram', 'kiki'));
    expect(normalisePlate('M-AB 1234')).not.toBe(normalisePlate('M-AB 1235'));
    expect(normalisePlate('MÜ 1')).not.toBe(normalisePlate('MU 1'));
  });
});
