ALTER TABLE "verification_codes" DROP CONSTRAINT "verification_codes_seller_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "verification_codes" ALTER COLUMN "seller_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "verification_codes" ADD CONSTRAINT "verification_codes_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;