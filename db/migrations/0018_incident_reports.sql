CREATE TYPE "public"."report_category" AS ENUM('violence', 'sexual_assault', 'robbery', 'payment', 'no_show', 'blackmail', 'boundary', 'police', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_identifier_kind" AS ENUM('pseudonym', 'phone', 'plate', 'handle');--> statement-breakpoint
CREATE TYPE "public"."report_mark_reason" AS ENUM('not_what_happened', 'wrong_person', 'duplicate', 'retaliation', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_severity" AS ENUM('dangerous', 'risky', 'annoying');--> statement-breakpoint
CREATE TYPE "public"."report_state" AS ENUM('live', 'hidden', 'removed');--> statement-breakpoint
CREATE TABLE "lookup_daily_counts" (
	"day" date PRIMARY KEY NOT NULL,
	"lookups" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_expired_counts" (
	"week" date NOT NULL,
	"category" "report_category" NOT NULL,
	"severity" "report_severity" NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_expired_counts_week_category_severity_pk" PRIMARY KEY("week","category","severity")
);
--> statement-breakpoint
CREATE TABLE "report_identifiers" (
	"report_id" uuid NOT NULL,
	"kind" "report_identifier_kind" NOT NULL,
	"hash" text NOT NULL,
	"reporter_tag" text NOT NULL,
	CONSTRAINT "report_identifiers_report_id_kind_hash_pk" PRIMARY KEY("report_id","kind","hash")
);
--> statement-breakpoint
CREATE TABLE "report_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"marker_ref" text NOT NULL,
	"reason" "report_mark_reason" NOT NULL,
	"note_key_version" integer,
	"note_ciphertext" text,
	"created_on" date DEFAULT current_date NOT NULL,
	"closed_on" date
);
--> statement-breakpoint
CREATE TABLE "report_regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"category" "report_category" NOT NULL,
	"severity" "report_severity" NOT NULL,
	"occurred_on" date NOT NULL,
	"region_id" uuid,
	"created_on" date DEFAULT current_date NOT NULL,
	"expires_on" date NOT NULL,
	"state" "report_state" DEFAULT 'live' NOT NULL,
	"withdrawal_hash" text NOT NULL,
	"key_version" integer,
	"ciphertext" text,
	"annotation_key_version" integer,
	"annotation_ciphertext" text
);
--> statement-breakpoint
CREATE TABLE "seller_alert_regions" (
	"seller_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	CONSTRAINT "seller_alert_regions_seller_id_region_id_pk" PRIMARY KEY("seller_id","region_id")
);
--> statement-breakpoint
ALTER TABLE "report_identifiers" ADD CONSTRAINT "report_identifiers_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_marks" ADD CONSTRAINT "report_marks_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_region_id_report_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."report_regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_alert_regions" ADD CONSTRAINT "seller_alert_regions_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_alert_regions" ADD CONSTRAINT "seller_alert_regions_region_id_report_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."report_regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_identifiers_hash_idx" ON "report_identifiers" USING btree ("hash");--> statement-breakpoint
CREATE UNIQUE INDEX "report_marks_one_idx" ON "report_marks" USING btree ("report_id","marker_ref");--> statement-breakpoint
CREATE INDEX "report_marks_open_idx" ON "report_marks" USING btree ("closed_on","created_on");--> statement-breakpoint
CREATE UNIQUE INDEX "report_regions_name_idx" ON "report_regions" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "reports_withdrawal_idx" ON "reports" USING btree ("withdrawal_hash");--> statement-breakpoint
CREATE INDEX "reports_expires_idx" ON "reports" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "reports_created_idx" ON "reports" USING btree ("created_on");--> statement-breakpoint
CREATE INDEX "seller_alert_regions_region_idx" ON "seller_alert_regions" USING btree ("region_id");