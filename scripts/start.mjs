// `npm start`: the standalone production server. It changes into its own directory, so a relative
// DATA_DIR is made absolute first (data must never live inside .next, which a build replaces).
import path from 'node:path';
import { installEarlyRefusals } from './early-refusals.mjs';

process.env.NODE_ENV = 'production';
// The app directory's .env files, read as every script reads them; it also makes DATA_DIR absolute.
await import('./environment.mjs');
installEarlyRefusals();
await import(path.resolve('.next/standalone/server.js'));
