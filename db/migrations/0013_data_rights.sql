CREATE TYPE "public"."changelog_entry" AS ENUM('flag_removed');--> statement-breakpoint
CREATE TYPE "public"."contest_reason" AS ENUM('never_met', 'did_not_happen', 'retaliation', 'other');--> statement-breakpoint
CREATE TABLE "flag_contests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"buyer_id" uuid NOT NULL,
	"reason" "contest_reason" NOT NULL,
	"note_key_version" integer,
	"note_ciphertext" text,
	"annotation_key_version" integer,
	"annotation_ciphertext" text,
	"created_on" date DEFAULT current_date NOT NULL,
	"closed_on" date
);
--> statement-breakpoint
CREATE TABLE "public_changelog" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"changed_on" date DEFAULT current_date NOT NULL,
	"entry" "changelog_entry" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "consent_on" date;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "aad_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "flag_contests" ADD CONSTRAINT "flag_contests_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flag_contests_open_idx" ON "flag_contests" USING btree ("closed_on","created_on");--> statement-breakpoint
CREATE INDEX "flag_contests_buyer_idx" ON "flag_contests" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "public_changelog_changed_idx" ON "public_changelog" USING btree ("changed_on");