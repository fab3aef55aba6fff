CREATE TYPE "public"."account_role" AS ENUM('seller', 'buyer', 'coordinator');--> statement-breakpoint
CREATE TYPE "public"."rating_direction" AS ENUM('seller_rates_buyer', 'buyer_rates_seller');--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_id" uuid NOT NULL,
	"direction" "rating_direction" NOT NULL,
	"rater_id" uuid,
	"ratee_id" uuid NOT NULL,
	"safe" boolean,
	"reliable" boolean,
	"created_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pseudonym" text NOT NULL,
	"pseudonym_key" text NOT NULL,
	"role" "account_role" NOT NULL,
	"password_hash" text NOT NULL,
	"member_since" date DEFAULT current_date NOT NULL,
	"last_active" date
);
--> statement-breakpoint
CREATE TABLE "verification_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seller_id" uuid NOT NULL,
	"bound_buyer_id" uuid,
	"redeemed_by" uuid,
	"code_hmac" text,
	"code_ciphertext" text,
	"created_on" date DEFAULT current_date NOT NULL,
	"expires_on" date NOT NULL,
	"redeemed_on" date
);
--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_code_id_verification_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."verification_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_ratee_id_users_id_fk" FOREIGN KEY ("ratee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_codes" ADD CONSTRAINT "verification_codes_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_codes" ADD CONSTRAINT "verification_codes_bound_buyer_id_users_id_fk" FOREIGN KEY ("bound_buyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_codes" ADD CONSTRAINT "verification_codes_redeemed_by_users_id_fk" FOREIGN KEY ("redeemed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_code_direction_idx" ON "ratings" USING btree ("code_id","direction");--> statement-breakpoint
CREATE INDEX "ratings_ratee_idx" ON "ratings" USING btree ("ratee_id","direction");--> statement-breakpoint
CREATE UNIQUE INDEX "users_pseudonym_key_idx" ON "users" USING btree ("pseudonym_key");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_codes_hmac_idx" ON "verification_codes" USING btree ("code_hmac");--> statement-breakpoint
CREATE INDEX "verification_codes_seller_idx" ON "verification_codes" USING btree ("seller_id","created_on");