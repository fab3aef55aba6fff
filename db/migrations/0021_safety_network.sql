CREATE TYPE "public"."alarm_kind" AS ENUM('panic', 'duress');--> statement-breakpoint
CREATE TYPE "public"."checkin_state" AS ENUM('active', 'escalated', 'acknowledged', 'ended');--> statement-breakpoint
CREATE TABLE "alarms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"kind" "alarm_kind" NOT NULL,
	"checkin_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"position_ciphertext" text,
	"step" integer DEFAULT 0 NOT NULL,
	"next_alert_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "buddies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_id" uuid NOT NULL,
	"addressee_id" uuid NOT NULL,
	"accepted" boolean DEFAULT false NOT NULL,
	"created_on" date DEFAULT current_date NOT NULL,
	CONSTRAINT "buddies_not_self" CHECK ("buddies"."requester_id" <> "buddies"."addressee_id")
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seller_id" uuid NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"state" "checkin_state" DEFAULT 'active' NOT NULL,
	"note_ciphertext" text,
	"buyer_id" uuid,
	"step" integer DEFAULT 0 NOT NULL,
	"next_alert_at" timestamp with time zone NOT NULL,
	"pin_failures" integer DEFAULT 0 NOT NULL,
	"acknowledged_by" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "safety_pins" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"pin_hash" text NOT NULL,
	"duress_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddies" ADD CONSTRAINT "buddies_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddies" ADD CONSTRAINT "buddies_addressee_id_users_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_pins" ADD CONSTRAINT "safety_pins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarms_seller_idx" ON "alarms" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "alarms_due_idx" ON "alarms" USING btree ("next_alert_at") WHERE "alarms"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "alarms_created_idx" ON "alarms" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "buddies_pair_idx" ON "buddies" USING btree (least("requester_id", "addressee_id"),greatest("requester_id", "addressee_id"));--> statement-breakpoint
CREATE INDEX "buddies_addressee_idx" ON "buddies" USING btree ("addressee_id");--> statement-breakpoint
CREATE INDEX "buddies_requester_idx" ON "buddies" USING btree ("requester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_open_idx" ON "checkins" USING btree ("seller_id") WHERE "checkins"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "checkins_due_idx" ON "checkins" USING btree ("next_alert_at") WHERE "checkins"."state" in ('active', 'escalated');--> statement-breakpoint
CREATE INDEX "checkins_ends_idx" ON "checkins" USING btree ("ends_at");