import { z } from 'zod';

// The REST API's JSON bodies, typed strictly: JSON has numbers and booleans, so unlike the form
// schemas nothing here coerces ("7", [7] or true for a number is a 400 naming the field). Each
// error's message is the code the API answers with (docs/api.md); the services still apply
// their own rules (lengths, pseudonym characters) after this.

// A flag is true / false / null, or one of the documented words.
const flag = z.union([z.boolean(), z.null(), z.enum(['yes', 'no', 'skip'])], { error: 'chooseAFlag' }).optional();
const flags = { safe: flag, reliable: flag };
const codeId = z.string('invalid').max(100, 'invalid');

export const generateBody = z.object({
  buyer: z.string('pseudonymLength').max(100, 'pseudonymLength').optional(),
  unbound: z.boolean('invalid').optional(),
  ...flags,
});

export const rateBody = z.object({ codeId, ...flags });

export const redeemBody = z.object({ code: z.string('codeFormat').max(100, 'codeFormat') });

const message = {
  body: z.string('messageEmpty').max(10_000, 'messageTooLong'),
  days: z.number('expiryInvalid').int('expiryInvalid').optional(),
};

export const messageBody = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('direct'), to: z.string('recipientUnknown').max(100, 'recipientUnknown'), ...message }),
    z.object({ kind: z.literal('warning'), buyer: z.string('pseudonymLength').max(100, 'pseudonymLength').optional(), ...message }),
  ],
  { error: 'invalid' },
);

/**
 * A push service's address: https, on a public host name. Browsers' push services all are; an IP
 * literal, localhost or a local name would make the server send requests into its own network.
 */
const pushEndpoint = z
  .url({ protocol: /^https$/, error: 'invalid' })
  .max(2048, 'invalid')
  .refine((url) => {
    // zod runs this even after the url check failed: never throw on what is not a URL.
    if (!URL.canParse(url)) return false;
    const host = new URL(url).hostname.toLowerCase();
    const local = /(^|\.)(localhost|local|internal|lan|home|arpa)$/.test(host);
    return host.includes('.') && !host.startsWith('[') && !/^[\d.]+$/.test(host) && !local;
  }, 'invalid');

// A browser's PushSubscription.toJSON(), exactly (endpoint, expirationTime, keys.p256dh, keys.auth).
const pushSubscription = z
  .object({
    endpoint: pushEndpoint,
    expirationTime: z.number('invalid').nullable().optional(),
    keys: z
      .object({
        // An uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url.
        p256dh: z.string('invalid').regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/, 'invalid'),
        auth: z.string('invalid').regex(/^[A-Za-z0-9_-]{21,24}={0,2}$/, 'invalid'),
      }, 'invalid')
      .strict(),
  }, 'invalid')
  .strict();

export type PushSubscriptionBody = z.infer<typeof pushSubscription>;

/** Turn push on for this device, off, or ask whether it is on (by the device's endpoint). */
export const pushBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('subscribe'), subscription: pushSubscription }).strict(),
    z.object({ action: z.literal('unsubscribe'), endpoint: pushSubscription.shape.endpoint }).strict(),
    z.object({ action: z.literal('status'), endpoint: pushSubscription.shape.endpoint }).strict(),
  ],
  { error: 'invalid' },
);
