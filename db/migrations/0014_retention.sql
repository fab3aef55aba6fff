CREATE TABLE "invite_redemptions" (
	"invite_id" uuid PRIMARY KEY NOT NULL,
	"used_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tombstone_queue" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"queued_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_queue" (
	"id" uuid PRIMARY KEY NOT NULL,
	"week_start" date NOT NULL,
	"satisfaction" integer NOT NULL,
	"helped" boolean NOT NULL,
	"note_key_version" integer,
	"note_ciphertext" text,
	"note_expires_on" date,
	"queued_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_folds" (
	"buyer_id" uuid NOT NULL,
	"rater_key" uuid NOT NULL,
	"ratings" integer NOT NULL,
	"safe_yes" integer NOT NULL,
	"safe_no" integer NOT NULL,
	"reliable_yes" integer NOT NULL,
	"reliable_no" integer NOT NULL,
	CONSTRAINT "buyer_folds_buyer_id_rater_key_pk" PRIMARY KEY("buyer_id","rater_key")
);
--> statement-breakpoint
CREATE TABLE "daily_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_on" date
);
--> statement-breakpoint
CREATE TABLE "seller_counters" (
	"seller_id" uuid PRIMARY KEY NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	"weight" double precision DEFAULT 0 NOT NULL,
	"safe_yes" double precision DEFAULT 0 NOT NULL,
	"safe_no" double precision DEFAULT 0 NOT NULL,
	"reliable_yes" double precision DEFAULT 0 NOT NULL,
	"reliable_no" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "messages_kind_idx";--> statement-breakpoint
DROP INDEX "messages_expires_idx";--> statement-breakpoint
ALTER TABLE "buyer_seller_pairs" ALTER COLUMN "last_rated_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "expires_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "expires_on" date;--> statement-breakpoint
-- The day the old expiry falls in, or the next one when it fell exactly at midnight UTC: never earlier.
UPDATE "messages" SET "expires_on" = (("expires_at" - interval '1 microsecond') AT TIME ZONE 'UTC')::date + 1;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "expires_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invite_redemptions" ADD CONSTRAINT "invite_redemptions_invite_id_invites_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."invites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_folds" ADD CONSTRAINT "buyer_folds_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_counters" ADD CONSTRAINT "seller_counters_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_kind_idx" ON "messages" USING btree ("kind","expires_on");--> statement-breakpoint
CREATE INDEX "messages_expires_idx" ON "messages" USING btree ("expires_on");