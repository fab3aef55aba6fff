CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"week_start" date NOT NULL,
	"satisfaction" integer NOT NULL,
	"helped" boolean NOT NULL,
	"note_key_version" integer,
	"note_ciphertext" text,
	"note_expires_on" date
);
--> statement-breakpoint
CREATE TABLE "feedback_given" (
	"user_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	CONSTRAINT "feedback_given_user_id_week_start_pk" PRIMARY KEY("user_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "feedback_given" ADD CONSTRAINT "feedback_given_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_week_idx" ON "feedback" USING btree ("week_start");