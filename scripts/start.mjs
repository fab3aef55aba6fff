// `npm start`: the standalone production server. It changes into its own directory, so a relative
// DATA_DIR is made absolute here first (data must never live inside .next, which a build replaces).
import path from 'node:path';
import { installEarlyRefusals } from './early-refusals.mjs';

process.env.DATA_DIR = path.resolve(process.env.DATA_DIR || '.data');
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV = 'production';
installEarlyRefusals();
await import(path.resolve('.next/standalone/server.js'));
