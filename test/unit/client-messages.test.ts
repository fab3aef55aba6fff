import path from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import { CLIENT_NAMESPACES, clientMessages } from '@/lib/i18n/client-messages';
import { clientModules } from './client-modules';

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

  it('are those namespaces, whole, and nothing else', () => {
    const picked = clientMessages(de);
    expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    for (const ns of CLIENT_NAMESPACES) expect(picked[ns]).toBe(de[ns]);
    expect(picked).not.toHaveProperty('Guides');
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(de).length * 0.6);
  });
});
