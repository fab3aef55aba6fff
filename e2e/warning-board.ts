import { mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every seller is told of every warning, so a test that checks "nothing new" after she has seen
// the board fails whenever a test in another worker posts a warning in between. Posting a warning
// and checking a cleared badge therefore take turns across workers: a directory is the lock
// (mkdir is atomic), left behind by a killed worker it counts as free after two minutes.
const LOCK = join(tmpdir(), 'coop-e2e-warning-board.lock');
const STALE_MS = 120_000;

async function acquire(): Promise<void> {
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = await stat(LOCK).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (since > STALE_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Runs `steps` while no other worker posts a warning or checks a cleared badge. */
export async function withWarningBoard<T>(steps: () => Promise<T>): Promise<T> {
  await acquire();
  try {
    return await steps();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
