// V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints): a script whose first
// line is this comment has all its functions compiled while it downloads, on a background thread,
// instead of one by one on the main thread when first called. Every chunk a page loads runs at
// start-up (React, the router, the page's own components), so on a phone the compiling moved out
// of the long task that starts the page: on Lighthouse's 4x slowed CPU it halved the main thread's
// work at load (README, "Performance"). Browsers other than Chromium's read it as a comment.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Puts the hint at the top of every .js file under `dir` that lacks it; returns how many it changed. */
export function addCompileHints(dir) {
  let changed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = readFileSync(file, 'utf8');
    if (source.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + source);
    changed++;
  }
  return changed;
}
