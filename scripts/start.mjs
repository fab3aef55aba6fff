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
  // Next.js's copy of the body. Next.js then logs the error (the request handler's catch) or, where
  // nothing catches it, its own "uncaughtException" listener does. It concerns that one request
  // only: one line instead, and go on. Anything else uncaught still ends the process, as by default.
  const clientWentAway = (err) => err?.message === 'aborted' && err?.code === 'ECONNRESET';
  const WENT_AWAY = '[request] a client went away before its body arrived';
  process.on('uncaughtException', (err) => {
    if (clientWentAway(err)) return console.warn(WENT_AWAY);
    console.error(err);
    process.exit(1);
  });
  // Next.js's listener, added when it starts: the same, less the client that went away.
  const quiet = new WeakSet();
  process.on('newListener', (event, listener) => {
    if (event !== 'uncaughtException' || quiet.has(listener)) return;
    queueMicrotask(() => {
      process.removeListener(event, listener);
      const filtered = (err, origin) => clientWentAway(err) || listener(err, origin);
      quiet.add(filtered);
      process.on(event, filtered);
    });
  });
  const logError = console.error.bind(console);
  console.error = (...args) => (args.length === 1 && clientWentAway(args[0]) ? console.warn(WENT_AWAY) : logError(...args));
  await import(path.resolve('.next/standalone/server.js'));
}
