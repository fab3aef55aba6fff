import 'server-only';
import { accountRecords } from '@/db/queries/account-export';
import { decryptMessage } from '@/lib/messages/crypto';
import { notificationsExport } from '@/lib/notifications/export';
import { safetyExport } from '@/lib/safety/export';
import { openContestText } from './contest-crypto';

/**
 * Every column that refers to an account, and where the export puts it or why it does not
 * (test/integration/account-export.test.ts walks the schema against this list). The rule: all
 * that is stored about the account itself; of other people, only what the account wrote to or
 * about them or has already been shown (a message's sender or recipient).
 */
export const EXPORT_COVERAGE: Record<string, { exported: string } | { excluded: string }> = {
  'users.id': { exported: 'account' },
  'sessions.user_id': { exported: 'sessions' },
  'recovery_codes.user_id': { exported: 'recoveryCodesLeft' },
  'verification_codes.seller_id': { exported: 'codesIssued' },
  'verification_codes.bound_buyer_id': { exported: 'codesAsBuyer' },
  'verification_codes.redeemed_by': { exported: 'codesAsBuyer' },
  'ratings.rater_id': { exported: 'ratingsGiven' },
  'ratings.ratee_id': { excluded: 'Individual ratings received would show when and by whom (DESIGN: no one sees an individual rating of themselves); the released score stands for them.' },
  'buyer_folds.rater_key': { exported: 'foldedRatingsGiven' },
  'buyer_folds.buyer_id': { excluded: 'Per-rater folds of ratings received: they would single out raters; the released score stands for them.' },
  'messages.sender_id': { exported: 'messages' },
  'messages.recipient_id': { exported: 'messages' },
  'buyer_counters.buyer_id': { excluded: 'Live counters change with each rating: read between two downloads they would reveal a single rating, which only a release may (Art. 15(4)).' },
  'seller_counters.seller_id': { excluded: 'Folded weights of ratings received: part of the released score, not shown apart from it.' },
  'buyer_seller_pairs.buyer_id': { excluded: 'One row per seller who rated the buyer: it would name them.' },
  'buyer_seller_pairs.seller_id': { excluded: 'Counts of her own ratings per buyer: the same as ratingsGiven, which leaves out whom they were about.' },
  'redeem_attempts.buyer_id': { exported: 'redeemAttempts' },
  'redeem_allowances.buyer_id': { exported: 'redeemAllowance' },
  'score_snapshots.user_id': { exported: 'releasedScore' },
  'feedback_given.user_id': { exported: 'feedbackWeeks' },
  'seller_activity_weeks.user_id': { exported: 'activeWeeks' },
  'flag_contests.buyer_id': { exported: 'contests' },
  'seller_alert_regions.seller_id': { exported: 'alertRegions' },
  'electoral_roll.member_id': { exported: 'votes.onRoll' },
  'proposal_sponsors.member_id': { exported: 'votes.cosigned' },
  'buddies.requester_id': { exported: 'safety.buddies' },
  'buddies.addressee_id': { exported: 'safety.buddies' },
  'safety_pins.user_id': { exported: 'safety.pins' },
  'checkins.seller_id': { exported: 'safety.checkins' },
  'alarms.seller_id': { exported: 'safety.alarms' },
  'checkins.buyer_id': { excluded: "A seller's check-in naming the buyer she met: telling the buyer would hand her safety plan to the person it guards against; deleted within two days." },
  'checkins.acknowledged_by': { excluded: "That she answered a buddy's overdue check-in: the buddy's data, deleted within two days; her safety page shows it while it lasts." },
  'notifications.user_id': { exported: 'notifications.items' },
  'push_subscriptions.user_id': { exported: 'notifications.pushDevices' },
  'alarms.acknowledged_by': { excluded: "That she answered a buddy's alarm: the buddy's data, deleted within two days; her safety page shows it while it lasts." },
};

/** Kept about no one in particular, so not exportable for anyone: said in the file itself. */
export const NOT_LINKED = [
  'feedback: stored without its author on purpose, so no one’s feedback can be found to export',
  'pseudonym_tombstones, sign_in_throttle: keyed hashes, minutes-long or only after deletion',
  'invites: nothing links an invite to the account it created',
  'ballots: a ballot carries no member, and the key that tied it to one is deleted when the vote is counted (docs/threat-model.md, "Votes"); while a vote is open the votes page shows her own choice',
  'reports, report_marks: incident reports and "seems wrong" marks are stored without their author on purpose (a report is withdrawn with its code), so none can be found to export',
];

export type AccountExport = NonNullable<Awaited<ReturnType<typeof exportAccount>>>;

/** The account's own data as one JSON-ready object (null: no such account). */
export async function exportAccount(userId: string, now = new Date()) {
  const r = await accountRecords(userId);
  if (!r) return null;
  return {
    format: 'coop-screening-export/1',
    exportedOn: now.toISOString().slice(0, 10),
    account: {
      ...r.account,
      passwordHash: 'stored (argon2id), not exported',
      consent: r.account.consentOn
        ? { given: r.account.consentOn, basis: 'GDPR Art. 9(2)(a)', withdraw: 'delete the account' }
        : { basis: r.account.role === 'buyer' ? 'none recorded' : 'GDPR Art. 9(2)(d), membership' },
    },
    sessions: r.sessions.map((s) => ({ createdOn: s.createdOn, lastUsedOn: s.lastUsedOn, expiresOn: s.expiresAt.toISOString().slice(0, 10) })),
    recoveryCodesLeft: r.recoveryCodesLeft,
    codesIssued: r.codesIssued,
    codesAsBuyer: r.codesAsBuyer,
    ratingsGiven: r.ratingsGiven,
    foldedRatingsGiven: r.foldedRatingsGiven,
    releasedScore: r.releasedScore,
    messages: r.messages.map((m) => {
      const payload = decryptMessage(m);
      return {
        kind: m.kind,
        from: m.senderPseudonym,
        to: m.kind === 'warning' ? 'board' : m.recipientPseudonym,
        mine: m.senderId === userId,
        body: payload?.body ?? null,
        buyer: payload?.buyer ?? null,
        createdOn: m.createdOn,
        expiresOn: m.expiresOn,
        read: m.read,
      };
    }),
    contests: r.contests.map((c) => ({
      reason: c.reason,
      note: openContestText(c.id, c.buyerId, 'note', c.noteKeyVersion, c.noteCiphertext),
      coordinatorNote: openContestText(c.id, c.buyerId, 'annotation', c.annotationKeyVersion, c.annotationCiphertext),
      createdOn: c.createdOn,
      closedOn: c.closedOn,
    })),
    redeemAttempts: r.redeemAttempts.map((a) => ({ at: a.at.toISOString(), global: a.global })),
    redeemAllowance: r.redeemAllowance,
    feedbackWeeks: r.feedbackWeeks,
    activeWeeks: r.activeWeeks,
    alertRegions: r.alertRegions,
    votes: { onRoll: r.voteRolls, cosigned: r.cosigned },
    safety: await safetyExport(userId),
    notifications: await notificationsExport(userId),
    notExported: {
      ...Object.fromEntries(Object.entries(EXPORT_COVERAGE).flatMap(([column, c]) => ('excluded' in c ? [[column, c.excluded]] : []))),
      notLinked: NOT_LINKED,
    },
  };
}
