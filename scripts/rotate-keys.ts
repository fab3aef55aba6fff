import './environment.mjs';
import { database } from '@/db/index';
import { messageKeys } from '@/lib/messages/crypto';
import { rotateMessageKeys } from '@/lib/messages/maintenance';
import { runScript } from './run';

// npm run rotate-keys: re-encrypts every message under the first key of MESSAGE_KEYS.
async function main() {
  await database().migrate();
  const { moved, unreadable } = await rotateMessageKeys();
  console.log(`Re-encrypted ${moved} messages under key ${messageKeys().current.version}.`);
  if (unreadable > 0) {
    console.log(`${unreadable} messages could not be decrypted with the listed keys and were left as they are.`);
    process.exitCode = 2;
  } else {
    console.log('Every message is under the current key: older keys can now be removed from MESSAGE_KEYS.');
  }
}

runScript('rotate-keys', main, { secrets: 'required' });
