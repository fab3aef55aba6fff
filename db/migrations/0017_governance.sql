CREATE TYPE "public"."ballot_choice" AS ENUM('yes', 'no', 'abstain');--> statement-breakpoint
CREATE TYPE "public"."proposal_majority" AS ENUM('simple', 'two_thirds');--> statement-breakpoint
CREATE TYPE "public"."proposal_result" AS ENUM('accepted', 'rejected', 'no_quorum');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('gathering', 'open', 'closed');--> statement-breakpoint
ALTER TYPE "public"."changelog_entry" ADD VALUE 'report_removed';--> statement-breakpoint
ALTER TYPE "public"."changelog_entry" ADD VALUE 'proposal_closed';--> statement-breakpoint
ALTER TYPE "public"."changelog_entry" ADD VALUE 'parameter_version';--> statement-breakpoint
ALTER TYPE "public"."changelog_entry" ADD VALUE 'release';--> statement-breakpoint
ALTER TYPE "public"."changelog_entry" ADD VALUE 'financial_report';--> statement-breakpoint
CREATE TABLE "ballots" (
	"proposal_id" uuid NOT NULL,
	"token" text NOT NULL,
	"choice" "ballot_choice" NOT NULL,
	CONSTRAINT "ballots_proposal_id_token_pk" PRIMARY KEY("proposal_id","token")
);
--> statement-breakpoint
CREATE TABLE "electoral_roll" (
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "electoral_roll_proposal_id_member_id_pk" PRIMARY KEY("proposal_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "parameter_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"params" jsonb NOT NULL,
	"proposal_id" uuid,
	"accepted_on" date DEFAULT current_date NOT NULL,
	"in_force_from" date
);
--> statement-breakpoint
CREATE TABLE "proposal_sponsors" (
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "proposal_sponsors_proposal_id_member_id_pk" PRIMARY KEY("proposal_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" "proposal_status" DEFAULT 'gathering' NOT NULL,
	"changes" jsonb NOT NULL,
	"base_version" integer NOT NULL,
	"reason_key_version" integer NOT NULL,
	"reason_ciphertext" text NOT NULL,
	"by_coordinator" boolean DEFAULT false NOT NULL,
	"created_on" date DEFAULT current_date NOT NULL,
	"opened_on" date,
	"closes_on" date,
	"quorum_percent" integer,
	"majority" "proposal_majority",
	"roll_size" integer,
	"ballot_salt" text,
	"yes" integer,
	"no" integer,
	"abstain" integer,
	"result" "proposal_result",
	"tallied_on" date,
	"version" integer
);
--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD COLUMN "params_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "public_changelog" ADD COLUMN "body" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "public_changelog" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "public_changelog" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "public_changelog" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "electoral_roll" ADD CONSTRAINT "electoral_roll_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "electoral_roll" ADD CONSTRAINT "electoral_roll_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_sponsors" ADD CONSTRAINT "proposal_sponsors_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_sponsors" ADD CONSTRAINT "proposal_sponsors_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposals_status_idx" ON "proposals" USING btree ("status","closes_on");--> statement-breakpoint
CREATE UNIQUE INDEX "public_changelog_seq_idx" ON "public_changelog" USING btree ("seq");--> statement-breakpoint
INSERT INTO "parameter_versions" ("version", "params", "in_force_from") VALUES (1, '{"percentile":0.25,"dampingExponent":3,"intervalLevel":"95","sellerRatingWeight":1,"releaseThreshold":3,"repeatedRatings":"every","messageExpiryDays":7,"reportExpiryDangerousDays":730,"reportExpiryRiskyDays":365,"reportExpiryAnnoyingDays":90,"retentionDays":180,"quorumPercent":50}'::jsonb, current_date) ON CONFLICT DO NOTHING;
