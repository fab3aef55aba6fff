import 'server-only';
import { countNewWarnings, markWarningsSeen, newestWarningSeq } from '@/db/queries/messages';
import { board, type ShownMessage } from './read';

/**
 * The board as she opens it: the whole board (not one buyer's warnings) counts as seen, up to the newest
 * warning it lists, so a warning posted while the page renders stays new.
 */
export async function openBoard(userId: string, buyer?: string, now = new Date()): Promise<ShownMessage[]> {
  if (buyer !== undefined) return board(userId, buyer, now);
  const newest = await newestWarningSeq(now);
  const shown = await board(userId, undefined, now);
  if (newest !== null) await markWarningsSeen(userId, newest);
  return shown;
}

/** Warnings by other sellers since she last opened the board: the badge in her navigation. */
export function newWarningsCount(userId: string, now = new Date()): Promise<number> {
  return countNewWarnings(userId, now);
}
