import fs from 'node:fs';
import path from 'node:path';

// The modules that run in the browser, read from the sources: shared by the tests of what the
// browser is sent (messages, libraries).

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

const isClient = (text: string) => /^\s*['"]use client['"]/.test(text);
const isServerAction = (text: string) => /^\s*['"]use server['"]/.test(text);

/** What a module imports for its values (type-only imports are erased by the build). */
export function valueImports(text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/**
 * Files marked 'use client', and every file they import, which then runs in the browser too; but
 * not server actions ('use server'): the browser gets a reference to call, not their code.
 */
export function clientModules(): { file: string; text: string }[] {
  const found = [...sources].filter(([, text]) => isClient(text)).map(([file]) => file);
  const seen = new Set(found);
  for (let i = 0; i < found.length; i++) {
    for (const spec of valueImports(sources.get(found[i]!)!)) {
      const file = resolveImport(found[i]!, spec);
      if (file && !seen.has(file) && !isServerAction(sources.get(file)!)) {
        seen.add(file);
        found.push(file);
      }
    }
  }
  return found.map((file) => ({ file, text: sources.get(file)! }));
}

/** The files under a directory, as the sources read them (absolute paths). */
export function sourcesUnder(dir: string): string[] {
  const root = path.resolve(dir) + path.sep;
  return [...sources.keys()].filter((file) => file.startsWith(root));
}

/**
 * The message namespaces the client components a file renders translate with: its imports are
 * followed through server components to every client module (a 'use client' file, and whatever a
 * client module imports), whose useTranslations('Namespace…') calls are read.
 */
export function clientNamespacesOf(entry: string): string[] {
  const used = new Set<string>();
  const seen = new Set<string>();
  const queue: { file: string; client: boolean }[] = [{ file: entry, client: isClient(sources.get(entry)!) }];
  while (queue.length > 0) {
    const { file, client } = queue.pop()!;
    const key = `${client}:${file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = sources.get(file)!;
    if (client) for (const m of text.matchAll(/useTranslations\(\s*['"]([\w.]+)['"]/g)) used.add(m[1]!.split('.')[0]!);
    for (const spec of valueImports(text)) {
      const next = resolveImport(file, spec);
      if (next && !isServerAction(sources.get(next)!)) queue.push({ file: next, client: client || isClient(sources.get(next)!) });
    }
  }
  return [...used].sort();
}
