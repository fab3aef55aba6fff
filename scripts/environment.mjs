// The server's environment, for the server itself (scripts/start.mjs) and for every script: the
// process's own variables, then the app directory's .env files by Next.js's rules (its own
// loader; a variable already set is never overridden), wherever the command was started from.
// Imported first, for its effect: nothing may read the environment before it. The server sets
// NODE_ENV=production before importing it; a script takes NODE_ENV from the files if they set it.
import path from 'node:path';
import nextEnv from '@next/env';

export const APP_DIR = path.resolve(import.meta.dirname, '..');

const quiet = { info: () => {}, error: (...args) => console.error(...args) };
const given = process.env.NODE_ENV;
const { combinedEnv } = nextEnv.loadEnvConfig(APP_DIR, given !== 'production', quiet);
// NODE_ENV=production set in .env itself: read the production files instead, as `npm start` does.
if (given !== 'production' && combinedEnv.NODE_ENV === 'production') nextEnv.loadEnvConfig(APP_DIR, false, quiet, true);

// A relative DATA_DIR means the app directory's, for the server (which changes into .next/standalone) and scripts alike.
process.env.DATA_DIR = path.resolve(APP_DIR, process.env.DATA_DIR || '.data');
process.env.NEXT_TELEMETRY_DISABLED = '1';
