import { describe, expect, it } from 'vitest';
import { generateBody, messageBody, rateBody, redeemBody } from '@/lib/api-bodies';

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
