import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import { CLIENT_NAMESPACES, LAYOUT_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import { clientModules, clientNamespacesOf, sourcesUnder } from './client-modules';

const clientFiles = clientModules();

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

  it('are picked whole, and nothing else', () => {
    const picked = pickMessages(de, ['Common', 'Lookup']);
    expect(Object.keys(picked).sort()).toEqual(['Common', 'Lookup']);
    expect(picked.Common).toBe(de.Common);
    expect(picked.Lookup).toBe(de.Lookup);
  });
});

// Each page sends only what its client components translate with (lib/i18n/client-messages.ts).
describe('each page', () => {
  const routeFiles = sourcesUnder('app/[locale]').filter((f) => /\/(page|layout|error|not-found|forbidden)\.tsx$/.test(f));
  const declared = (text: string) =>
    [...text.matchAll(/<PageMessages namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) => [...m[1]!.matchAll(/'(\w+)'/g)].map((n) => n[1]!));

  it('finds the pages, and the client components behind them', () => {
    expect(routeFiles.length).toBeGreaterThan(35);
    const seller = routeFiles.find((f) => f.endsWith(path.join('[locale]', 'seller', 'page.tsx')))!;
    // The look-up form, the record form and the report form sit two imports below the page.
    expect(clientNamespacesOf(seller)).toEqual(expect.arrayContaining(['Lookup', 'Reports', 'Common']));
  });

  for (const file of routeFiles) {
    const name = path.relative(path.resolve('app/[locale]'), file);
    it(`${name}: sends the namespaces its client components use, and no others`, () => {
      const used = clientNamespacesOf(file);
      const own = declared(fs.readFileSync(file, 'utf8'));
      const layout: readonly string[] = LAYOUT_NAMESPACES;
      // The layout, its error page, not-found and forbidden render inside the layout's provider.
      if (!name.endsWith('page.tsx')) expect(own).toEqual([]);
      expect(used.filter((ns) => !layout.includes(ns) && !own.includes(ns)), 'used but not sent').toEqual([]);
      expect(own.filter((ns) => !used.includes(ns)), 'sent but not used').toEqual([]);
      expect(new Set(own).size, 'each once').toBe(own.length);
    });
  }
});
