CREATE TABLE "seller_activity_weeks" (
	"user_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	CONSTRAINT "seller_activity_weeks_user_id_week_start_pk" PRIMARY KEY("user_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "seller_activity_weeks" ADD CONSTRAINT "seller_activity_weeks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ratings_created_idx" ON "ratings" USING btree ("direction","created_on");--> statement-breakpoint
CREATE INDEX "verification_codes_created_idx" ON "verification_codes" USING btree ("created_on");--> statement-breakpoint
CREATE INDEX "verification_codes_redeemed_idx" ON "verification_codes" USING btree ("redeemed_on");--> statement-breakpoint
CREATE INDEX "invites_used_idx" ON "invites" USING btree ("used_on");