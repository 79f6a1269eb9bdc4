import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DepartmentFeatures } from '../../core/schemas/department';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';
import type { TicketRow } from '../db/rows';

/** Who is looking, and in which department's help center. */
export interface Viewer {
  contactId: number;
  department: { id: number; features: DepartmentFeatures };
}

const LIST_LIMIT = 200;

/**
 * The tickets a contact follows, and the primaries those were merged into (R-MERGE-9): merged-away
 * tickets are trashed, so following mergedIntoId is the only way their people reach the conversation.
 * Being a secondary contact counts only while the department has CC on (R-CC-8).
 */
function followedTicketIds(viewer: Viewer) {
  const own = viewer.department.features.cc
    ? sql`contact_id = ${viewer.contactId}::bigint or ${viewer.contactId}::bigint = any(secondary_contact_ids)`
    : sql`contact_id = ${viewer.contactId}::bigint`;
  return sql`(
    with recursive followed(id, merged_into_id) as (
      select id, merged_into_id from tickets where ${own}
      union
      select t.id, t.merged_into_id from tickets t join followed f on t.id = f.merged_into_id
    )
    select id from followed
  )`;
}

/**
 * R-CC-8 R-MERGE-9: the one definition of what a help-center visitor may see — tickets of this
 * department only, never trashed, spam or merged-away ones. Every page and form asks it; anything
 * it does not return is answered 404, whether missing, someone else's or in another department.
 */
export async function visibleTickets(db: Db, viewer: Viewer, only?: { ticketId: number }): Promise<TicketRow[]> {
  return db
    .select()
    .from(tickets)
    .where(
      and(
        sql`${tickets.id} in ${followedTicketIds(viewer)}`,
        only ? eq(tickets.id, only.ticketId) : undefined,
        eq(tickets.departmentId, viewer.department.id),
        isNull(tickets.trashedAt),
        isNull(tickets.mergedIntoId),
        eq(tickets.spam, false),
      ),
    )
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(only ? 1 : LIST_LIMIT);
}

export async function visibleTicket(db: Db, viewer: Viewer, ticketId: number): Promise<TicketRow | undefined> {
  const [row] = await visibleTickets(db, viewer, { ticketId });
  return row;
}
