import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { threads } from '../db/schema';
import { sanitiseInboundHtml } from './inbound-html';

const BATCH = 200;

/**
 * Sanitises the incoming HTML stored before inbound-html.ts existed (html_sanitised_at null), at
 * startup before the API answers, so old rows are as clean as new ones. Sanitising is idempotent:
 * rows new ingestion stored (already clean) and not yet marked only cost a second pass.
 */
export async function sanitiseStoredHtml(db: Db): Promise<number> {
  let done = 0;
  for (let after = 0; ;) {
    const rows = await db
      .select({ id: threads.id, bodyHtml: threads.bodyHtml })
      .from(threads)
      .where(and(eq(threads.direction, 'in'), isNotNull(threads.bodyHtml), isNull(threads.htmlSanitisedAt), gt(threads.id, after)))
      .orderBy(asc(threads.id))
      .limit(BATCH);
    if (rows.length === 0) return done;
    for (const row of rows) {
      await db
        .update(threads)
        .set({ bodyHtml: sanitiseInboundHtml(row.bodyHtml!), htmlSanitisedAt: sql`now()` })
        .where(eq(threads.id, row.id));
    }
    done += rows.length;
    after = rows.at(-1)!.id;
  }
}
