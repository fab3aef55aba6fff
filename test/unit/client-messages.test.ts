import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import { CLIENT_NAMESPACES, clientMessages } from '@/lib/i18n/client-messages';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const sources = new Map(['app', 'lib'].flatMap((d) => sourceFiles(path.resolve(d))).map((file) => [file, fs.readFileSync(file, 'utf8')]));

/** The source file an import names ('./x', '../x', '@/x'), if it is one of ours. */
function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? path.resolve(spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => sources.has(f));
}

/** Files marked 'use client', and every file they import, which then runs in the browser too. */
function clientModules(): string[] {
  const found = [...sources].filter(([, text]) => /^\s*['"]use client['"]/.test(text)).map(([file]) => file);
  const seen = new Set(found);
  for (let i = 0; i < found.length; i++) {
    for (const m of sources.get(found[i]!)!.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)) {
      const file = resolveImport(found[i]!, m[1]!);
      if (file && !seen.has(file)) {
        seen.add(file);
        found.push(file);
      }
    }
  }
  return found;
}

const clientFiles = clientModules().map((file) => ({ file, text: sources.get(file)! }));

describe('the messages sent to the browser', () => {
  it('hold every namespace a client component translates with', () => {
    const used = new Set<string>();
    for (const { file, text } of clientFiles) {
      // A client component reads its strings from one namespace, never the whole catalogue.
      expect(text, file).not.toMatch(/useTranslations\(\s*\)|useMessages\(/);
      for (const m of text.matchAll(/useTranslations\(\s*['"]([\w.]+)['"]/g)) used.add(m[1]!.split('.')[0]!);
    }
    expect(clientFiles.length).toBeGreaterThan(40);
    // Imported by client forms without a 'use client' of their own: they run in the browser too.
    expect(clientFiles.map((f) => path.basename(f.file))).toEqual(expect.arrayContaining(['recovery-codes.tsx', 'flags-fieldset.tsx']));
    expect([...used].sort()).toEqual([...CLIENT_NAMESPACES].sort());
  });

  it('are those namespaces, whole, and nothing else', () => {
    const picked = clientMessages(de);
    expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    for (const ns of CLIENT_NAMESPACES) expect(picked[ns]).toBe(de[ns]);
    expect(picked).not.toHaveProperty('Guides');
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(de).length * 0.6);
  });
});
