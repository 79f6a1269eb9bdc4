CREATE TABLE "reply_recipients" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" bigint,
	"ticket_id" bigint NOT NULL,
	"thread_id" bigint NOT NULL,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"token" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"smtp_response" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_recipients_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "reply_recipients" ADD CONSTRAINT "reply_recipients_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reply_recipients_job" ON "reply_recipients" USING btree ("job_id","status");--> statement-breakpoint
CREATE INDEX "reply_recipients_thread" ON "reply_recipients" USING btree ("thread_id");