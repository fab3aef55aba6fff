import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { addCompileHints } from '../../scripts/compile-hints.mjs';
import { startProcess, type Running } from './server';

const DIR = path.resolve('bench/framework-floor');
const NEXT = path.resolve('node_modules/next/dist/bin/next');

/**
 * The pages' floor, as bench/floor.mjs is the look-up's: bench/framework-floor, one server-rendered
 * page with no code of ours, built from the app's own Next.js and React (with the same compile
 * hints) and served by `next start`. Its first-load JS and Lighthouse figures, taken in the same
 * run and in turns with the app's pages, say what the stack alone costs on this machine now.
 */
export async function startFrameworkFloor(port: number): Promise<Running> {
  console.log('Framework floor: next build…');
  const build = spawnSync('node', [NEXT, 'build', '--webpack'], { cwd: DIR, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`The framework floor's build failed:\n${build.stdout}\n${build.stderr}`);
  addCompileHints(path.join(DIR, '.next/static/chunks'));
  return startProcess('node', [NEXT, 'start', DIR, '--port', String(port), '--hostname', '127.0.0.1'], { NODE_ENV: 'production' }, port, '/');
}
