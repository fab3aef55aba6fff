import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

// "{name}" or "{name, plural…": not the text of an ICU branch such as "{fewer than 5}".
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const deLeaves = leaves(de as Tree);
  const enLeaves = leaves(en as Tree);

  it('de and en have exactly the same keys', () => {
    expect([...deLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('no message is empty', () => {
    for (const [key, value] of [...deLeaves, ...enLeaves]) expect(value.trim(), key).not.toBe('');
  });

  it('both languages use the same placeholders', () => {
    for (const [key, value] of deLeaves) expect(placeholders(value), key).toEqual(placeholders(enLeaves.get(key) ?? ''));
  });
});
