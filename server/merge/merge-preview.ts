import { asc, inArray } from 'drizzle-orm';
import { fieldOptions, mergedTimeline } from '../../core/merge-plan';
import { checkFieldChoices, checkMerge, defaultPrimary, mergedFields } from '../../core/rules/merge-rules';
import { list } from '../../core/refusals/refusal';
import { allOf, violation, type Verdict } from '../../core/rules/verdict';
import type { MergePreview, MergePreviewRequest } from '../../core/schemas/merge';
import { toThreads } from '../attachments/thread-attachments';
import { toComment } from '../tickets/comment-rows';
import type { Ticket } from '../../core/schemas/ticket';
import { toContact } from '../contacts/contact-store';
import type { Db } from '../db/client';
import { comments, contacts, threads } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { loadMergeTickets } from './merge-tickets';

const byAge = (a: Ticket, b: Ticket) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id;

/** R-MERGE-3: a primary the agent asked for must be one of the tickets; otherwise the oldest stands. */
function primaryOf(tickets: Ticket[], wanted: number | undefined): { primaryId: number; verdict: Verdict } {
  const fallback = defaultPrimary(tickets);
  if (wanted === undefined || tickets.some((t) => t.id === wanted)) return { primaryId: wanted ?? fallback, verdict: { ok: true } };
  return {
    primaryId: fallback,
    verdict: violation('R-MERGE-3', 'merge.foreignPrimary', { primary: wanted, numbers: list(tickets.map((t) => `#${t.number}`)) }),
  };
}

async function timelineOf(db: Db, ids: number[]) {
  const [threadRows, commentRows] = await Promise.all([
    db.select().from(threads).where(inArray(threads.ticketId, ids)).orderBy(asc(threads.createdAt), asc(threads.id)),
    db.select().from(comments).where(inArray(comments.ticketId, ids)).orderBy(asc(comments.createdAt), asc(comments.id)),
  ]);
  return mergedTimeline(await toThreads(db, threadRows), commentRows.map(toComment));
}

async function contactsOf(db: Db, tickets: Ticket[]) {
  const ids = [...new Set(tickets.flatMap((t) => [t.contactId, ...t.secondaryContactIds]))];
  return (await db.select().from(contacts).where(inArray(contacts.id, ids)).orderBy(asc(contacts.id))).map(toContact);
}

/**
 * What a merge would make, changing nothing (R-MERGE-8): the default primary and field choices,
 * each ticket's values, the merged ticket, the merged timeline, and every rule that refuses it.
 */
export async function previewMerge(db: Db, auth: AuthContext, request: MergePreviewRequest): Promise<MergePreview> {
  const { tickets: loaded, primaryNumbers } = await loadMergeTickets(db, auth.access, request.ticketIds, false);
  const tickets = [...loaded].sort(byAge);
  const { primaryId, verdict: primaryVerdict } = primaryOf(tickets, request.primaryId);
  const choices = request.fieldChoices ?? {};
  const choiceVerdict = checkFieldChoices(tickets, choices);
  const verdict = allOf(checkMerge({ tickets, access: auth.access, primaryNumbers }), primaryVerdict, choiceVerdict);
  const ids = tickets.map((t) => t.id);
  const [timeline, contactList] = await Promise.all([timelineOf(db, ids), contactsOf(db, tickets)]);
  return {
    tickets,
    defaultPrimaryId: defaultPrimary(tickets),
    primaryId,
    fields: fieldOptions(tickets, primaryId),
    // Invalid choices would throw inside mergedFields; the preview shows the defaults beside their violations.
    merged: mergedFields(tickets, primaryId, choiceVerdict.ok ? choices : {}),
    timeline,
    contacts: contactList,
    violations: verdict.ok ? [] : verdict.violations,
  };
}
