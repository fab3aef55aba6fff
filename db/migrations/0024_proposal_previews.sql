CREATE TABLE "proposal_previews" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"params_version" integer NOT NULL,
	"computed_on" date NOT NULL,
	"impact" jsonb
);
--> statement-breakpoint
ALTER TABLE "proposal_previews" ADD CONSTRAINT "proposal_previews_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;