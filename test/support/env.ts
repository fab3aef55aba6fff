// Fixed secrets for tests, so lib/secrets.ts never generates (and writes) DATA_DIR/secrets.json.
// Values from the environment win, e.g. when a developer runs the suite with their own.
process.env.AUTH_SECRET ||= 'test-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz';
process.env.HASH_SECRET ||= 'test-hash-secret-0123456789abcdefghijklmnopqrstuvwxyz';
process.env.MESSAGE_KEYS ||= `1:${Buffer.alloc(32, 7).toString('base64')}`;

export {};
