ALTER TABLE "reply_recipients" ADD COLUMN "open_token" text;--> statement-breakpoint
ALTER TABLE "reply_recipients" ADD COLUMN "delivered_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "reply_recipients" ADD COLUMN "first_opened_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "reply_recipients" ADD COLUMN "last_opened_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "reply_recipients" ADD COLUMN "open_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "reply_recipients_ticket" ON "reply_recipients" USING btree ("ticket_id");--> statement-breakpoint
ALTER TABLE "reply_recipients" ADD CONSTRAINT "reply_recipients_open_token_unique" UNIQUE("open_token");