import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCompileHints, COMPILE_HINT } from '../../scripts/compile-hints.mjs';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the compile hint on the browser’s scripts (scripts/compile-hints.mjs)', () => {
  it('is V8’s magic comment, alone on the first line', () => {
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
  });

  it('goes at the top of every script, in subfolders too, leaving the code after it unchanged', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hints-'));
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'a.js'), '(()=>{})();');
    writeFileSync(path.join(dir, 'app', 'b.js'), '"use strict";var x=1;');
    writeFileSync(path.join(dir, 'c.css'), 'body{}');
    expect(addCompileHints(dir)).toBe(2);
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('//# allFunctionsCalledOnLoad\n(()=>{})();');
    expect(readFileSync(path.join(dir, 'app', 'b.js'), 'utf8')).toBe('//# allFunctionsCalledOnLoad\n"use strict";var x=1;');
    expect(readFileSync(path.join(dir, 'c.css'), 'utf8')).toBe('body{}');
  });

  it('is added once, however often the build step runs', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hints-'));
    writeFileSync(path.join(dir, 'a.js'), 'f();');
    addCompileHints(dir);
    expect(addCompileHints(dir)).toBe(0);
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('//# allFunctionsCalledOnLoad\nf();');
  });
});
