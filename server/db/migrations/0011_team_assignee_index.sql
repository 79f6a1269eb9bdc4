CREATE UNIQUE INDEX "departments_name_lower_unique" ON "departments" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "roles_name_lower_unique" ON "roles" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "tickets_assignee_team" ON "tickets" USING btree ("assignee_team_id");