import 'server-only';
import { aliasedTable, and, asc, eq, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import {
  buyerFolds,
  electoralRoll,
  feedbackGiven,
  flagContests,
  messages,
  proposalSponsors,
  proposals,
  ratings,
  recoveryCodes,
  redeemAllowances,
  redeemAttempts,
  reportRegions,
  scoreSnapshots,
  sellerAlertRegions,
  sellerActivityWeeks,
  sessions,
  users,
  verificationCodes,
} from '../schema';

const sender = aliasedTable(users, 'sender');

/**
 * Everything stored under one account id, for its own data export (GDPR Art. 15/20). Explicit
 * columns: no password hash, no token hash, no other person's id. What is left out, and why, is
 * listed beside the export (lib/rights/export.ts).
 */
export async function accountRecords(userId: string, db: Executor = getDb()) {
  // One snapshot: a rating or message arriving mid-export cannot appear in one part and not another.
  return db.transaction((tx) => readRecords(userId, tx), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function readRecords(userId: string, db: Executor) {
  const [account] = await db
    .select({
      id: users.id,
      pseudonym: users.pseudonym,
      role: users.role,
      memberSince: users.memberSince,
      lastActive: users.lastActive,
      consentOn: users.consentOn,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) return null;
  const [
    sessionRows,
    recoveryCodesLeft,
    codesIssued,
    codesAsBuyer,
    ratingsGiven,
    foldedGiven,
    attempts,
    allowance,
    snapshot,
    feedbackWeeks,
    activeWeeks,
    contests,
  ] = await Promise.all([
    db.select({ createdOn: sessions.createdOn, lastUsedOn: sessions.lastUsedOn, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.createdOn)),
    db.$count(recoveryCodes, eq(recoveryCodes.userId, userId)),
    db
      .select({ createdOn: verificationCodes.createdOn, expiresOn: verificationCodes.expiresOn, redeemedOn: verificationCodes.redeemedOn, bound: sql<boolean>`${verificationCodes.boundBuyerId} is not null` })
      .from(verificationCodes)
      .where(eq(verificationCodes.sellerId, userId))
      .orderBy(asc(verificationCodes.createdOn)),
    db
      .select({ createdOn: verificationCodes.createdOn, redeemedOn: verificationCodes.redeemedOn, boundToMe: sql<boolean>`${verificationCodes.boundBuyerId} = ${userId}`, redeemedByMe: sql<boolean>`${verificationCodes.redeemedBy} = ${userId}` })
      .from(verificationCodes)
      .where(or(eq(verificationCodes.boundBuyerId, userId), eq(verificationCodes.redeemedBy, userId)))
      .orderBy(asc(verificationCodes.createdOn)),
    db.select({ direction: ratings.direction, safe: ratings.safe, reliable: ratings.reliable, createdOn: ratings.createdOn }).from(ratings).where(eq(ratings.raterId, userId)).orderBy(asc(ratings.createdOn)),
    db
      .select({
        ratings: sql<number>`coalesce(sum(${buyerFolds.ratings}), 0)::int`,
        safeYes: sql<number>`coalesce(sum(${buyerFolds.safeYes}), 0)::int`,
        safeNo: sql<number>`coalesce(sum(${buyerFolds.safeNo}), 0)::int`,
        reliableYes: sql<number>`coalesce(sum(${buyerFolds.reliableYes}), 0)::int`,
        reliableNo: sql<number>`coalesce(sum(${buyerFolds.reliableNo}), 0)::int`,
      })
      .from(buyerFolds)
      .where(eq(buyerFolds.raterKey, userId)),
    db.select({ at: redeemAttempts.at, global: redeemAttempts.global }).from(redeemAttempts).where(eq(redeemAttempts.buyerId, userId)).orderBy(asc(redeemAttempts.at)),
    db.select({ used: redeemAllowances.used }).from(redeemAllowances).where(eq(redeemAllowances.buyerId, userId)),
    db.select({ score: scoreSnapshots.score, takenOn: scoreSnapshots.takenOn }).from(scoreSnapshots).where(eq(scoreSnapshots.userId, userId)),
    db.select({ weekStart: feedbackGiven.weekStart }).from(feedbackGiven).where(eq(feedbackGiven.userId, userId)).orderBy(asc(feedbackGiven.weekStart)),
    db.select({ weekStart: sellerActivityWeeks.weekStart }).from(sellerActivityWeeks).where(eq(sellerActivityWeeks.userId, userId)).orderBy(asc(sellerActivityWeeks.weekStart)),
    db.select().from(flagContests).where(eq(flagContests.buyerId, userId)).orderBy(asc(flagContests.createdOn)),
  ]);
  // Her direct messages both ways and the warnings she wrote; the board's others are no one's in particular.
  const messageRows = await db
    .select({
      id: messages.id,
      kind: messages.kind,
      keyVersion: messages.keyVersion,
      aadVersion: messages.aadVersion,
      ciphertext: messages.ciphertext,
      senderId: messages.senderId,
      recipientId: messages.recipientId,
      senderPseudonym: sender.pseudonym,
      // A subquery: drizzle types a second alias of users in a left join as never.
      recipientPseudonym: sql<string | null>`(select ${users.pseudonym} from ${users} where ${users.id} = ${messages.recipientId})`,
      createdOn: messages.createdOn,
      expiresOn: messages.expiresOn,
      read: messages.read,
    })
    .from(messages)
    .innerJoin(sender, eq(sender.id, messages.senderId))
    .where(or(eq(messages.senderId, userId), and(eq(messages.kind, 'direct'), eq(messages.recipientId, userId))))
    .orderBy(asc(messages.seq));
  // The regions she chose for alerts about dangerous incident reports (her reports themselves name no one: not linked).
  const alertRegions = await db
    .select({ name: reportRegions.name })
    .from(sellerAlertRegions)
    .innerJoin(reportRegions, eq(reportRegions.id, sellerAlertRegions.regionId))
    .where(eq(sellerAlertRegions.sellerId, userId))
    .orderBy(asc(reportRegions.name));
  // Votes she could cast (the roll) and proposals she co-signed; never how she voted (not linked).
  const voteRolls = await db
    .select({ proposal: electoralRoll.proposalId, openedOn: proposals.openedOn })
    .from(electoralRoll)
    .innerJoin(proposals, eq(proposals.id, electoralRoll.proposalId))
    .where(eq(electoralRoll.memberId, userId))
    .orderBy(asc(proposals.openedOn));
  const cosigned = await db.select({ proposal: proposalSponsors.proposalId }).from(proposalSponsors).where(eq(proposalSponsors.memberId, userId));
  return {
    account,
    sessions: sessionRows,
    recoveryCodesLeft,
    codesIssued,
    codesAsBuyer,
    ratingsGiven,
    foldedRatingsGiven: foldedGiven[0]!,
    messages: messageRows,
    redeemAttempts: attempts,
    redeemAllowance: allowance[0] ?? null,
    releasedScore: snapshot[0] ?? null,
    feedbackWeeks: feedbackWeeks.map((r) => r.weekStart),
    activeWeeks: activeWeeks.map((r) => r.weekStart),
    contests,
    alertRegions: alertRegions.map((r) => r.name),
    voteRolls,
    cosigned: cosigned.map((r) => r.proposal),
  };
}
