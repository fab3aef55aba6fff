import { z } from 'zod';

// The one place that reads process.env. Parsed once, at start-up (instrumentation.ts),
// and on first use elsewhere; a bad value stops the process with a message naming it.
const secret = z.string().trim().min(32, 'must be at least 32 characters (try: openssl rand -base64 32)').optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Where the embedded database and generated development secrets live. */
  DATA_DIR: z.string().trim().min(1).default('.data'),
  /** Overrides the embedded database's directory; `memory://` for throwaway test databases. */
  PGLITE_DIR: z.string().trim().min(1).optional(),
  /** Signs and encrypts session cookies (Auth.js). Rotating it signs everyone out. */
  AUTH_SECRET: secret,
  /** The root of every keyed hash (lib/keys.ts: one derived key or named prefix per purpose). Keep it stable: tombstones and code look-ups depend on it. */
  HASH_SECRET: secret,
  /**
   * Message encryption keys, newest first: "2:<base64 32 bytes>,1:<base64 32 bytes>". Old keys
   * stay listed until `npm run rotate-keys` has moved every message to the first one.
   */
  MESSAGE_KEYS: z.string().trim().min(1).optional(),
  /** Failed code redemptions allowed per rolling hour across all buyers, before everyone is told to try later. */
  REDEEM_GLOBAL_FAILURES_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(500),
  /**
   * Sign-ups per hour across everyone (sign-ups with an open seller invite excepted): bounds
   * throwaway accounts and how fast anyone can learn which pseudonyms exist.
   */
  SIGNUPS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  /**
   * Days an encounter (code and ratings) keeps its date before the daily job folds it into the
   * counters and deletes it. At least 91: the coordinator's 12 weekly charts read the rows.
   */
  RETENTION_DAYS: z.coerce.number().int().min(91).max(3650).default(180),
  /**
   * The address people reach the service at, e.g. https://coop.example: posts must come from it.
   * Unset, the request's Host header stands in (never X-Forwarded-Host).
   */
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  /** Days an incident report stays, by severity (deleted by the daily job, counted for the metrics first). */
  REPORT_DAYS_DANGEROUS: z.coerce.number().int().min(1).max(3650).default(730),
  REPORT_DAYS_RISKY: z.coerce.number().int().min(1).max(3650).default(365),
  REPORT_DAYS_ANNOYING: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * Web Push (VAPID, RFC 8292): a P-256 key pair in base64url (`npx web-push generate-vapid-keys`)
   * and a contact for the push services, mailto: or https:. Required in production; generated
   * once into DATA_DIR/secrets.json otherwise.
   */
  VAPID_PUBLIC_KEY: z.string().trim().regex(/^[A-Za-z0-9_-]{87}$/, 'must be the base64url of an uncompressed P-256 public key (87 characters)').optional(),
  VAPID_PRIVATE_KEY: z.string().trim().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the base64url of a 32-byte P-256 private key (43 characters)').optional(),
  VAPID_SUBJECT: z.string().trim().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be a mailto: address or an https: URL').optional(),
  /** Only for local end-to-end tests over plain http: cookies without the Secure flag. */
  INSECURE_COOKIES: z.enum(['0', '1']).default('0'),
}).refine((e) => !e.VAPID_PUBLIC_KEY === !e.VAPID_PRIVATE_KEY, {
  path: ['VAPID_PRIVATE_KEY'],
  message: 'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together (one pair)',
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new EnvError(`Invalid environment variables:\n${problems.join('\n')}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
