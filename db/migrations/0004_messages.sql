CREATE TYPE "public"."message_kind" AS ENUM('direct', 'warning');--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "message_kind" NOT NULL,
	"sender_id" uuid NOT NULL,
	"recipient_id" uuid,
	"buyer_ref" text,
	"key_version" integer NOT NULL,
	"ciphertext" text NOT NULL,
	"created_on" date DEFAULT current_date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"read" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_recipient_idx" ON "messages" USING btree ("recipient_id","read");--> statement-breakpoint
CREATE INDEX "messages_sender_idx" ON "messages" USING btree ("sender_id","created_on");--> statement-breakpoint
CREATE INDEX "messages_kind_idx" ON "messages" USING btree ("kind","expires_at");--> statement-breakpoint
CREATE INDEX "messages_buyer_ref_idx" ON "messages" USING btree ("buyer_ref");--> statement-breakpoint
CREATE INDEX "messages_expires_idx" ON "messages" USING btree ("expires_at");