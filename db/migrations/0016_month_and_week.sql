ALTER TABLE "users" ALTER COLUMN "member_since" SET DEFAULT date_trunc('month', current_date)::date;--> statement-breakpoint
-- A seized copy should not match an invite's day of use to an account's day of creation:
-- accounts keep the month they joined (all that is ever shown), invites the week of their use.
UPDATE "users" SET "member_since" = date_trunc('month', "member_since")::date;--> statement-breakpoint
UPDATE "invites" SET "used_on" = date_trunc('week', "used_on")::date WHERE "used_on" IS NOT NULL;
