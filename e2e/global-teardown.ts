import fs from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { E2E_COORDINATOR } from './accounts';
import { logDirOf } from './secrets-log';

/**
 * After the whole run: the server's stdout and stderr (server.log, written by the web server
 * command) contain no pseudonym the specs created and no code they were shown. Pseudonyms are
 * compared case-insensitively (the canonical key is lower-case); a code only as a whole number.
 */
export default async function globalTeardown(config: FullConfig) {
  const dir = logDirOf(config);
  const logFile = path.join(dir, 'server.log');
  if (!fs.existsSync(logFile)) throw new Error(`No server log at ${logFile}: the web server command must write it.`);
  const log = fs.readFileSync(logFile, 'utf8');
  // Not vacuous: the log is the server's, from its start.
  if (!log.includes('Database ready')) throw new Error(`${logFile} does not hold the server's output.`);
  const secretsFile = path.join(dir, 'secrets.txt');
  const lines = fs.existsSync(secretsFile) ? fs.readFileSync(secretsFile, 'utf8').split('\n').filter(Boolean) : [];
  const secrets = [...new Set([...lines, `pseudonym\t${E2E_COORDINATOR.pseudonym}`])].map((l) => l.split('\t') as [string, string]);
  const lower = log.toLowerCase();
  const found = secrets.filter(([kind, value]) =>
    kind === 'code' ? new RegExp(`(?<!\\d)${value}(?!\\d)`).test(log) : lower.includes(value.toLowerCase()),
  );
  if (found.length > 0) {
    const where = found.map(([kind, value]) => `${kind} ${value}: ${log.split('\n').find((l) => l.toLowerCase().includes(value.toLowerCase()))?.slice(0, 200)}`);
    throw new Error(`The server log names ${found.length} of ${secrets.length} secrets:\n${where.join('\n')}`);
  }
  console.log(`Server log checked: none of ${secrets.length} pseudonyms and codes in ${log.split('\n').length} lines.`);
}
