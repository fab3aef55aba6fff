import { closeDatabase } from '@/db/index';
import { env } from '@/lib/env';
import { missingSecrets } from '@/lib/secrets';

/**
 * Runs a script's work with the server's environment (scripts/environment.mjs, imported first by
 * each script) and ends it the same way every time: one line on stderr and exit code 1 on failure.
 * `secrets: 'required'`: a script that works on existing data stops before touching the database
 * when a secret is missing; outside production it finds them where the server generated them.
 * `'generated'`: like the server, required in production, generated when first needed otherwise.
 */
export function runScript(name: string, work: () => Promise<void>, options: { secrets: 'required' | 'generated' }) {
  const run = async () => {
    const { NODE_ENV, DATA_DIR } = env();
    const strict = options.secrets === 'required' || NODE_ENV === 'production';
    const missing = strict ? missingSecrets() : [];
    if (missing.length > 0) {
      const where = NODE_ENV === 'production' ? 'the environment' : `the environment or ${DATA_DIR}/secrets.json`;
      throw new Error(`missing ${missing.join(', ')} in ${where}: set them in .env in the app directory (README, "Environment")`);
    }
    await work();
  };
  run()
    .catch((e: unknown) => {
      const text = e instanceof Error ? e.message : String(e);
      console.error(`npm run ${name}: ${text}`);
      process.exitCode = 1;
    })
    .finally(() => closeDatabase());
}
