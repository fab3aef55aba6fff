CREATE TABLE "rate_windows" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_windows_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "redeem_allowances" (
	"buyer_id" uuid PRIMARY KEY NOT NULL,
	"used" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "redeem_attempts" DROP CONSTRAINT "redeem_attempts_buyer_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "recovery_codes_user_idx";--> statement-breakpoint
ALTER TABLE "redeem_attempts" ALTER COLUMN "buyer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD COLUMN "lookup" text;--> statement-breakpoint
ALTER TABLE "redeem_attempts" ADD COLUMN "global" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "redeem_allowances" ADD CONSTRAINT "redeem_allowances_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redeem_attempts" ADD CONSTRAINT "redeem_attempts_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_codes_redeemed_by_idx" ON "verification_codes" USING btree ("redeemed_by");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" USING btree ("user_id","lookup");