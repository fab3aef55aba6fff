ALTER TABLE "ratings" ADD COLUMN "departed_rater" uuid;--> statement-breakpoint
-- Ratings whose seller was deleted before this column existed: who gave which is gone, so each buyer's count as one departed rater.
UPDATE "ratings" AS r SET "departed_rater" = k."key"
FROM (SELECT "ratee_id", gen_random_uuid() AS "key" FROM "ratings" WHERE "rater_id" IS NULL AND "direction" = 'seller_rates_buyer' GROUP BY "ratee_id") AS k
WHERE r."ratee_id" = k."ratee_id" AND r."rater_id" IS NULL AND r."direction" = 'seller_rates_buyer';
