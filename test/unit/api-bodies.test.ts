import { describe, expect, it } from 'vitest';
import { generateBody, messageBody, pushBody, rateBody, redeemBody } from '@/lib/api-bodies';

/** The first issue's field and code, as beginPost() answers them. */
function refusal(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const issue = result.error?.issues[0];
  return issue ? { field: issue.path[0], code: issue.message } : null;
}

describe('API bodies take JSON types as they are', () => {
  it('refuses days as a string, a boolean or an array', () => {
    for (const days of ['7', true, [7], null, 7.5]) {
      expect(refusal(messageBody.safeParse({ kind: 'direct', to: 'Rosa', body: 'hi', days }))).toEqual({ field: 'days', code: 'expiryInvalid' });
    }
    expect(messageBody.safeParse({ kind: 'warning', body: 'hi', days: 7 }).success).toBe(true);
    expect(messageBody.safeParse({ kind: 'direct', to: 'Rosa', body: 'hi' }).success).toBe(true);
  });

  it('refuses a missing or unknown kind and wrong field types', () => {
    expect(messageBody.safeParse({ body: 'hi' }).success).toBe(false);
    expect(messageBody.safeParse({ kind: 'shout', body: 'hi' }).success).toBe(false);
    expect(refusal(messageBody.safeParse({ kind: 'direct', to: 5, body: 'hi' }))).toEqual({ field: 'to', code: 'recipientUnknown' });
    expect(refusal(messageBody.safeParse({ kind: 'direct', to: 'Rosa', body: ['hi'] }))).toEqual({ field: 'body', code: 'messageEmpty' });
  });

  it('takes flags as booleans, null or the documented words only', () => {
    const codeId = '0b6f4c1e-3c6d-4a53-9a57-5f0a4a3e2f10';
    for (const safe of [true, false, null, 'yes', 'no', 'skip', undefined]) expect(rateBody.safeParse({ codeId, safe }).success).toBe(true);
    for (const safe of [1, 'true', [true], {}]) expect(refusal(rateBody.safeParse({ codeId, safe }))).toEqual({ field: 'safe', code: 'chooseAFlag' });
    expect(refusal(rateBody.safeParse({ codeId: 7 }))).toEqual({ field: 'codeId', code: 'invalid' });
  });

  it('refuses a code that is not a string and an unbound that is not a boolean', () => {
    expect(refusal(redeemBody.safeParse({ code: 123456 }))).toEqual({ field: 'code', code: 'codeFormat' });
    expect(refusal(generateBody.safeParse({ unbound: 'true' }))).toEqual({ field: 'unbound', code: 'invalid' });
    expect(refusal(generateBody.safeParse({ buyer: ['Kiki'] }))).toEqual({ field: 'buyer', code: 'pseudonymLength' });
    expect(generateBody.safeParse({ buyer: 'Kiki_77', safe: false, reliable: true }).success).toBe(true);
  });

  it('refuses bodies that are not objects', () => {
    for (const body of [null, [], 'x', 7]) expect(redeemBody.safeParse(body).success).toBe(false);
  });
});

describe('push subscription endpoints: https on a public host name only', () => {
  const keys = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };
  const subscribe = (endpoint: string) => pushBody.safeParse({ action: 'subscribe', subscription: { endpoint, expirationTime: null, keys } }).success;
  const status = (endpoint: string) => pushBody.safeParse({ action: 'status', endpoint }).success;

  it("accepts the browsers' push services", () => {
    expect(subscribe('https://fcm.googleapis.com/fcm/send/abc:def')).toBe(true);
    expect(subscribe('https://updates.push.services.mozilla.com/wpush/v2/gAAAA')).toBe(true);
    expect(subscribe('https://web.push.apple.com/QOx9')).toBe(true);
  });

  it('refuses plain http, IP literals and local names, which would send the server into its own network', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://127.0.0.1/notify',
      'https://10.0.0.5:8080/notify',
      'https://[::1]/notify',
      'https://localhost/notify',
      'https://db/notify',
      'https://printer.local/notify',
      'https://metadata.google.internal/computeMetadata',
      'javascript:alert(1)',
    ]) {
      expect(subscribe(endpoint), endpoint).toBe(false);
      expect(status(endpoint), endpoint).toBe(false);
    }
  });
});
