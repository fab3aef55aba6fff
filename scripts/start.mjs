// `npm start`: the standalone production server. It changes into its own directory, so a relative
// DATA_DIR is made absolute first (data must never live inside .next, which a build replaces).
import path from 'node:path';
import { installEarlyRefusals } from './early-refusals.mjs';

process.env.NODE_ENV = 'production';
// The app directory's .env files, read as every script reads them; it also makes DATA_DIR absolute.
await import('./environment.mjs');
const { isPrimary, runPrimary, workerCount } = await import('./cluster.mjs');
const processes = isPrimary ? workerCount() : 1;
if (processes > 1) runPrimary(processes);
else await serve();

async function serve() {
  installEarlyRefusals();
  // A client that hangs up mid-upload makes Node's request stream fail with 'aborted' inside
  // Next.js's copy of the body, where nothing catches it. It concerns that one request only: say
  // so in one line and go on. Anything else uncaught still ends the process, as by default.
  process.on('uncaughtException', (err) => {
    if (err?.message === 'aborted' && err?.code === 'ECONNRESET') {
      console.warn('[request] a client went away before its body arrived');
      return;
    }
    console.error(err);
    process.exit(1);
  });
  await import(path.resolve('.next/standalone/server.js'));
}
