ALTER TABLE "views" ADD COLUMN "owner_agent_id" bigint;--> statement-breakpoint
ALTER TABLE "views" ADD COLUMN "last_used_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "views" ADD CONSTRAINT "views_owner_agent_id_agents_id_fk" FOREIGN KEY ("owner_agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "views_department_owner" ON "views" USING btree ("department_id","owner_agent_id");