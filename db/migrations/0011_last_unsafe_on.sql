ALTER TABLE "invites" ADD COLUMN "label" varchar(40);--> statement-breakpoint
ALTER TABLE "buyer_counters" ADD COLUMN "last_unsafe_on" date;--> statement-breakpoint
UPDATE "buyer_counters" c SET "last_unsafe_on" = (SELECT max(r.created_on) FROM "ratings" r WHERE r.ratee_id = c.buyer_id AND r.direction = 'seller_rates_buyer' AND r.safe = false);
