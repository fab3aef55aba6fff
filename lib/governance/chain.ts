// The public changelog's hash chain. Pure: canonical encoding, hashing and verification; the
// database side (db/queries/changelog.ts) appends and reads. Anyone holding a copy of the JSON
// feed can re-run verifyChain over it: a rewritten, removed or reordered entry breaks every hash
// after it.
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface ChainContent {
  seq: number;
  changedOn: string;
  entry: string;
  body: unknown;
}

export interface ChainEntry extends ChainContent {
  prevHash: string;
  hash: string;
}

/**
 * Canonical JSON: object keys sorted (recursively), no whitespace, numbers as JSON writes them.
 * jsonb reorders keys and drops duplicates, so a hash over the stored text would not be stable;
 * over this encoding it is.
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not encodable');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** SHA-256 (hex) over the previous hash and the entry's canonical encoding. */
export function entryHash(prevHash: string, content: ChainContent): string {
  const { seq, changedOn, entry, body } = content;
  return createHash('sha256').update(`${prevHash}\n${canonical({ seq, changedOn, entry, body })}`).digest('hex');
}

export function seal(prev: ChainEntry | null, content: Omit<ChainContent, 'seq'>): ChainEntry {
  const seq = (prev?.seq ?? 0) + 1;
  const prevHash = prev?.hash ?? GENESIS;
  const full = { ...content, seq };
  return { ...full, prevHash, hash: entryHash(prevHash, full) };
}

export type ChainCheck = { ok: true; entries: number; head: string } | { ok: false; seq: number; problem: 'sequence' | 'link' | 'hash' };

/** Checks entries in chain order: numbering from 1, each links to its predecessor, each hash recomputes. */
export function verifyChain(entries: readonly ChainEntry[]): ChainCheck {
  let prevHash = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.seq !== i + 1) return { ok: false, seq: e.seq, problem: 'sequence' };
    if (e.prevHash !== prevHash) return { ok: false, seq: e.seq, problem: 'link' };
    if (entryHash(prevHash, e) !== e.hash) return { ok: false, seq: e.seq, problem: 'hash' };
    prevHash = e.hash;
  }
  return { ok: true, entries: entries.length, head: prevHash };
}
