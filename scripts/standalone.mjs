// After `next build`: completes .next/standalone into a directory that runs on its own
// (`node .next/standalone/server.js`): the static assets and the SQL migrations it applies at start-up.
// The browser's scripts first get V8's compile hint (scripts/compile-hints.mjs).
import { cpSync, existsSync } from 'node:fs';
import { addCompileHints } from './compile-hints.mjs';

const target = '.next/standalone';
if (!existsSync(`${target}/server.js`)) {
  console.error('No standalone build: run `next build` with output: "standalone" first.');
  process.exit(1);
}
addCompileHints('.next/static/chunks');
cpSync('.next/static', `${target}/.next/static`, { recursive: true });
cpSync('db/migrations', `${target}/db/migrations`, { recursive: true });
if (existsSync('public')) cpSync('public', `${target}/public`, { recursive: true });
console.log(`Standalone server ready: node ${target}/server.js`);
