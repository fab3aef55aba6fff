ALTER TABLE "ratings" ADD COLUMN "released" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "ratings_unreleased_idx" ON "ratings" USING btree ("ratee_id","rater_id") WHERE not "ratings"."released";--> statement-breakpoint
-- Ratings an earlier weekly snapshot already showed count as released (on its day too: when in
-- doubt, a rating is treated as shown, so the next release waits for three others).
UPDATE "ratings" SET "released" = true FROM "score_snapshots" s WHERE s.user_id = "ratings"."ratee_id" AND "ratings"."created_on" <= s.taken_on;--> statement-breakpoint
-- An earlier snapshot that three distinct raters never stood behind is withdrawn.
DELETE FROM "score_snapshots" s WHERE (SELECT count(DISTINCT r.rater_id) FROM "ratings" r WHERE r.ratee_id = s.user_id AND r.released) < 3;--> statement-breakpoint
-- The rest become disclosed scores: two decimals, sample size in bands, no weight sums.
UPDATE "score_snapshots" SET "score" = jsonb_build_object(
  'safety', round((score->>'safety')::numeric, 2),
  'reliability', round((score->>'reliability')::numeric, 2),
  'trust', round((score->>'trust')::numeric, 2),
  'safetyInterval', CASE WHEN jsonb_typeof(score->'safetyInterval') = 'array'
    THEN jsonb_build_array(round((score->'safetyInterval'->>0)::numeric, 2), round((score->'safetyInterval'->>1)::numeric, 2)) ELSE 'null'::jsonb END,
  'reliabilityInterval', CASE WHEN jsonb_typeof(score->'reliabilityInterval') = 'array'
    THEN jsonb_build_array(round((score->'reliabilityInterval'->>0)::numeric, 2), round((score->'reliabilityInterval'->>1)::numeric, 2)) ELSE 'null'::jsonb END,
  'sampleSize', CASE
    WHEN (score->>'sampleSize')::int < 5 THEN '<5'
    WHEN (score->>'sampleSize')::int < 10 THEN '5-9'
    WHEN (score->>'sampleSize')::int < 20 THEN '10-19'
    WHEN (score->>'sampleSize')::int < 50 THEN '20-49'
    ELSE '50+' END);
