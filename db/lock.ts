import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class LockError extends Error {}

/*
 * The lock is a directory of numbered generations, each a file holding its holder's pid. The
 * newest generation decides: held while its process lives and it is not marked released. A stale
 * lock is never deleted by name to be re-created (two processes could each delete the other's
 * fresh lock): it is taken over by creating the NEXT generation, and of several processes racing
 * for one number exactly one creates it (link() fails when the name exists). Files appear with
 * their pid already in them (written aside, then linked), so no reader sees one half-written.
 */

const GENERATION = /^(\d{1,15})$/;
const RELEASED = '.released';
const held = new Set<string>(); // this process's lock directories

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function newest(dir: string): number {
  let top = 0;
  for (const name of fs.readdirSync(dir)) {
    const m = GENERATION.exec(name);
    if (m) top = Math.max(top, Number(m[1]));
  }
  return top;
}

/** The pid holding generation `gen`, or null when it is free (released, or its process is gone). */
function holder(dir: string, gen: number): number | null | 'vanished' {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, String(gen)), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'vanished';
    throw e;
  }
  if (fs.existsSync(path.join(dir, `${gen}${RELEASED}`))) return null;
  const pid = Number(text);
  // Our own pid from an earlier life (a restarted container reuses pids) is not a live holder.
  if (!Number.isInteger(pid) || pid <= 0 || (pid === process.pid && !held.has(dir))) return null;
  return alive(pid) ? pid : null;
}

/** Creates `name` holding our pid, atomically; false when it already exists. */
function createExclusive(dir: string, name: string): boolean {
  const aside = path.join(dir, `.new-${process.pid}-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(aside, String(process.pid), { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(aside, path.join(dir, name));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** A lock file from before generations: refused while its process lives, else removed. */
function clearLegacyFile(dir: string) {
  // Racers may turn it into the directory meanwhile: a path that is no longer a file is done with.
  const gone = (e: unknown) => ['ENOENT', 'EISDIR', 'EPERM'].includes((e as NodeJS.ErrnoException).code ?? '');
  let text: string;
  try {
    if (fs.statSync(dir).isDirectory()) return;
    text = fs.readFileSync(dir, 'utf8');
  } catch (e) {
    if (gone(e)) return;
    throw e;
  }
  const pid = Number(text);
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw inUse(pid, dir);
  try {
    fs.unlinkSync(dir); // never a directory: unlink refuses those
  } catch (e) {
    if (!gone(e)) throw e;
  }
}

const inUse = (pid: number, dir: string) =>
  new LockError(
    `The embedded database is in use by another process (pid ${pid}, lock ${dir}). ` +
      'Stop that process, or set DATA_DIR to another directory.',
  );

/**
 * Takes the exclusive lock `dir` for this process, taking over one left by a process that no
 * longer runs. Returns the release function; the lock is also released when the process exits.
 */
export function acquireLock(dir: string): () => void {
  clearLegacyFile(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 100; attempt++) {
    const top = newest(dir);
    if (top > 0) {
      const pid = holder(dir, top);
      if (pid === 'vanished') continue; // cleaned up by a newer holder: look again
      if (pid !== null) throw inUse(pid, dir);
    }
    const gen = top + 1;
    if (!createExclusive(dir, String(gen))) continue; // another process took this number
    if (newest(dir) !== gen) {
      // We read an old generation while a newer one was being taken: ours never counted.
      fs.rmSync(path.join(dir, String(gen)), { force: true });
      continue;
    }
    held.add(dir);
    removeOlder(dir, gen);
    return releaser(dir, gen);
  }
  throw new LockError(`Could not take the lock ${dir}.`);
}

/** Older generations, and files a process killed mid-write left aside. */
function removeOlder(dir: string, gen: number) {
  for (const name of fs.readdirSync(dir)) {
    const m = /^(\d{1,15})(\.released)?$/.exec(name);
    const aside = /^\.new-(\d+)-/.exec(name);
    if ((m && Number(m[1]) < gen) || (aside && !alive(Number(aside[1])))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function releaser(dir: string, gen: number): () => void {
  let holding = true;
  const release = () => {
    if (!holding) return;
    holding = false;
    process.off('exit', release);
    held.delete(dir);
    // Marked, not removed: the newest generation must stay for the next taker to count from.
    fs.writeFileSync(path.join(dir, `${gen}${RELEASED}`), '', { mode: 0o600 });
  };
  process.on('exit', release);
  return release;
}
