import { apiOk, withDatabaseFaults } from '@/lib/api';
import { changelogChain } from '@/db/queries/changelog';
import { GENESIS } from '@/lib/governance/chain';

export const dynamic = 'force-dynamic';

/** Public and CORS-readable: anyone may keep a copy and check the chain (npm run changelog:verify -- copy.json). */
const CORS = { 'Access-Control-Allow-Origin': '*' };

/**
 * The whole public changelog, oldest first, hash-chained: each entry's hash is SHA-256 over the
 * previous entry's hash, a newline and the canonical JSON (sorted keys) of {seq, changedOn, entry, body}.
 */
async function get() {
  const entries = await changelogChain();
  return apiOk({ algorithm: 'sha256(prevHash + "\\n" + canonicalJson({seq, changedOn, entry, body}))', genesis: GENESIS, head: entries.at(-1)?.hash ?? GENESIS, entries }, 200, CORS);
}

export const GET = withDatabaseFaults(get);
