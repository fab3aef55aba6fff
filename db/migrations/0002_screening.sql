CREATE TABLE "buyer_counters" (
	"buyer_id" uuid PRIMARY KEY NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	"safe_yes" integer DEFAULT 0 NOT NULL,
	"safe_no" integer DEFAULT 0 NOT NULL,
	"reliable_yes" integer DEFAULT 0 NOT NULL,
	"reliable_no" integer DEFAULT 0 NOT NULL,
	"raters" integer DEFAULT 0 NOT NULL,
	"unsafe_raters" integer DEFAULT 0 NOT NULL,
	"unreliable_raters" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_seller_pairs" (
	"buyer_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	"unsafe" integer DEFAULT 0 NOT NULL,
	"unreliable" integer DEFAULT 0 NOT NULL,
	"last_rated_on" date NOT NULL,
	CONSTRAINT "buyer_seller_pairs_buyer_id_seller_id_pk" PRIMARY KEY("buyer_id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "redeem_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"buyer_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_snapshots" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"score" jsonb NOT NULL,
	"taken_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot_schedule" (
	"id" integer PRIMARY KEY NOT NULL,
	"next_due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buyer_counters" ADD CONSTRAINT "buyer_counters_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_seller_pairs" ADD CONSTRAINT "buyer_seller_pairs_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_seller_pairs" ADD CONSTRAINT "buyer_seller_pairs_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redeem_attempts" ADD CONSTRAINT "redeem_attempts_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "redeem_attempts_buyer_idx" ON "redeem_attempts" USING btree ("buyer_id","at");--> statement-breakpoint
CREATE INDEX "redeem_attempts_at_idx" ON "redeem_attempts" USING btree ("at");