import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

// Cooperative governance (issue 20): versioned parameters, proposals, the frozen roll and the
// ballots. What links a member to her ballot exists only while the vote is open (see
// docs/threat-model.md, "Votes"): the roll never records who voted, a ballot is found by a keyed
// token whose per-proposal salt is deleted with the ballots at the tally.

/**
 * One row per parameter version. Version 1 (the specification's defaults) is inserted by the
 * migration. An accepted proposal adds the next version with `in_force_from` null; the next weekly
 * snapshot puts it in force (sets the date). The version in force is the highest one with a date.
 */
export const parameterVersions = pgTable('parameter_versions', {
  version: integer('version').primaryKey(),
  /** The complete parameter set (lib/governance/parameters.ts validates it on every read). */
  params: jsonb('params').notNull(),
  proposalId: uuid('proposal_id'),
  acceptedOn: date('accepted_on').notNull().default(sql`current_date`),
  inForceFrom: date('in_force_from'),
});

export const proposalStatus = pgEnum('proposal_status', ['gathering', 'open', 'closed']);
export const proposalResult = pgEnum('proposal_result', ['accepted', 'rejected', 'no_quorum']);
export const proposalMajority = pgEnum('proposal_majority', ['simple', 'two_thirds']);
export const ballotChoice = pgEnum('ballot_choice', ['yes', 'no', 'abstain']);

/**
 * A proposed parameter change. Its reason is sealed under the message keys until the tally
 * publishes it in the changelog. Quorum, majority and the roll's size are fixed at opening.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: proposalStatus('status').notNull().default('gathering'),
    /** The changed parameters only (names → values); applied to the version in force at the tally. */
    changes: jsonb('changes').notNull(),
    /** The version in force when it was drafted: the preview's baseline. */
    baseVersion: integer('base_version').notNull(),
    reasonKeyVersion: integer('reason_key_version').notNull(),
    reasonCiphertext: text('reason_ciphertext').notNull(),
    byCoordinator: boolean('by_coordinator').notNull().default(false),
    createdOn: date('created_on').notNull().default(sql`current_date`),
    openedOn: date('opened_on'),
    /** Votes are accepted through this day; the tally runs the day after. */
    closesOn: date('closes_on'),
    quorumPercent: integer('quorum_percent'),
    majority: proposalMajority('majority'),
    rollSize: integer('roll_size'),
    /** Base64url; the ballot tokens' per-proposal salt. Deleted at the tally. */
    ballotSalt: text('ballot_salt'),
    yes: integer('yes'),
    no: integer('no'),
    abstain: integer('abstain'),
    result: proposalResult('result'),
    talliedOn: date('tallied_on'),
    /** The parameter version an accepted proposal became. */
    version: integer('version'),
  },
  (t) => [index('proposals_status_idx').on(t.status, t.closesOn)],
);

/** Co-signatures of a members' proposal: three open it. */
export const proposalSponsors = pgTable(
  'proposal_sponsors',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.memberId] })],
);

/** The roll, frozen at opening: who may vote. Nothing here changes when someone votes. */
export const electoralRoll = pgTable(
  'electoral_roll',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.memberId] })],
);

/**
 * Ballots while a vote is open: a keyed token (HMAC under a key derived for ballots, over the
 * proposal's salt and the member) and the choice; a new choice replaces the old one. No date,
 * no member. Counted and deleted at the tally.
 */
export const ballots = pgTable(
  'ballots',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    choice: ballotChoice('choice').notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.token] })],
);

/**
 * A proposal's impact preview (aggregates, already suppressed), counted at most once a day against
 * the version in force: the vote page reads this instead of every buyer's evidence.
 */
export const proposalPreviews = pgTable('proposal_previews', {
  proposalId: uuid('proposal_id')
    .primaryKey()
    .references(() => proposals.id, { onDelete: 'cascade' }),
  paramsVersion: integer('params_version').notNull(),
  computedOn: date('computed_on').notNull(),
  impact: jsonb('impact'),
});
