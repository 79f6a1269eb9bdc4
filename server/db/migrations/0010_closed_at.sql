ALTER TABLE "tickets" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
UPDATE "tickets" t SET "closed_at" = coalesce(
	(SELECT max(h."created_at") FROM "ticket_history" h WHERE h."ticket_id" = t."id" AND h."changes"->'status'->>'to' = 'closed'),
	t."updated_at")
WHERE t."status" = 'closed';
--> statement-breakpoint
-- Tickets are closed and reopened by edits, jobs, macros, merges and incoming mail: one trigger keeps closed_at true for all of them.
CREATE FUNCTION "tickets_closed_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."status" <> 'closed' THEN
		NEW."closed_at" := NULL;
	ELSIF TG_OP = 'INSERT' THEN
		NEW."closed_at" := coalesce(NEW."closed_at", now());
	ELSIF OLD."status" <> 'closed' THEN
		NEW."closed_at" := now();
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "tickets_closed_at" BEFORE INSERT OR UPDATE OF "status" ON "tickets" FOR EACH ROW EXECUTE FUNCTION "tickets_closed_at"();
