// Fixed secrets for tests, so lib/secrets.ts never generates (and writes) DATA_DIR/secrets.json.
// Values from the environment win, e.g. when a developer runs the suite with their own.
process.env.AUTH_SECRET ||= 'test-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz';
process.env.HASH_SECRET ||= 'test-hash-secret-0123456789abcdefghijklmnopqrstuvwxyz';
process.env.MESSAGE_KEYS ||= `1:${Buffer.alloc(32, 7).toString('base64')}`;
// A fixed VAPID pair for tests (Web Push), so none is generated into DATA_DIR/secrets.json.
process.env.VAPID_PUBLIC_KEY ||= 'BD6EDU4eBlS9FG3qQ-w5BvVfSOu-Io9mcnRULhdtXvZNXeJYF49uWQGoMmmCVpehokRVm0VShXybsKIAllucJHM';
process.env.VAPID_PRIVATE_KEY ||= 'bU6G-bvgJqJJU0g5tbOlMtdWcDxquXE5NbN4RoeCpCA';
process.env.VAPID_SUBJECT ||= 'mailto:push@example.org';

export {};
