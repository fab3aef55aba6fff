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
  // Next.js's copy of the body. Next.js logs that error through console.error: from its request
  // handler's catch, or, where nothing catches it, from its own "uncaughtException" listener. It
  // concerns that one request only: one line instead, and go on. Anything else uncaught still ends
  // the process, as by default.
  const clientWentAway = (err) => err?.message === 'aborted' && err?.code === 'ECONNRESET';
  process.on('uncaughtException', (err) => {
    if (clientWentAway(err)) return; // Next.js's listener logs it, as below
    console.error(err);
    process.exit(1);
  });
  const logError = console.error.bind(console);
  console.error = (...args) => (args.some(clientWentAway) ? console.warn('[request] a client went away before its body arrived') : logError(...args));
  await import(path.resolve('.next/standalone/server.js'));
}
