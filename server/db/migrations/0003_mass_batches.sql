CREATE TABLE "job_batches" (
	"job_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"ticket_ids" bigint[] NOT NULL,
	"done_at" timestamp (3) with time zone,
	CONSTRAINT "job_batches_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
ALTER TABLE "ticket_history" DROP CONSTRAINT "ticket_history_ticket_id_tickets_id_fk";
--> statement-breakpoint
ALTER TABLE "ticket_history" DROP CONSTRAINT "ticket_history_agent_id_agents_id_fk";
--> statement-breakpoint
ALTER TABLE "job_batches" ADD CONSTRAINT "job_batches_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;