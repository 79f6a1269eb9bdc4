import { defaultFieldChoices, isEmptyValue, MERGEABLE_FIELDS, type MergeableField } from './rules/merge-rules';
import type { MergeFieldOption, MergeTimelineEntry } from './schemas/merge';
import type { Comment, Thread } from './schemas/thread';
import type { Ticket } from './schemas/ticket';

/** R-MERGE-4: every mergeable field with each ticket's value, in the tickets' order, and the default choice. */
export function fieldOptions(tickets: Ticket[], primaryId: number): MergeFieldOption[] {
  const defaults = defaultFieldChoices(tickets, primaryId);
  return MERGEABLE_FIELDS.map((field) => ({
    field,
    candidates: tickets.map((t) => ({ ticketId: t.id, value: t[field], empty: isEmptyValue(t[field]) })),
    defaultTicketId: defaults[field],
  }));
}

/**
 * R-MERGE-10 allows merging tickets of different contacts, but the merged ticket keeps one contact
 * (R-MERGE-4) and R-MERGE-9 shows that contact every public message of all the tickets, so the
 * dialog warns. The distinct contact ids in the tickets' order, or [] when they all share one.
 */
export function differentContacts(tickets: Pick<Ticket, 'contactId'>[]): number[] {
  const ids = [...new Set(tickets.map((t) => t.contactId))];
  return ids.length > 1 ? ids : [];
}

/**
 * R-MERGE-6: threads and comments of every ticket in one list by their own created time. Equal
 * times keep a fixed order (threads before comments, then by id) so the preview and the merged
 * ticket never disagree.
 */
export function mergedTimeline(threads: Thread[], comments: Comment[]): MergeTimelineEntry[] {
  const entries: MergeTimelineEntry[] = [
    ...threads.map((thread) => ({ kind: 'thread' as const, ticketId: thread.ticketId, createdAt: thread.createdAt, thread })),
    ...comments.map((comment) => ({ kind: 'comment' as const, ticketId: comment.ticketId, createdAt: comment.createdAt, comment })),
  ];
  const idOf = (e: MergeTimelineEntry) => (e.kind === 'thread' ? e.thread.id : e.comment.id);
  return entries.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.kind === b.kind ? 0 : a.kind === 'thread' ? -1 : 1) || idOf(a) - idOf(b));
}

/** The mergeable fields whose value on the primary changes, as history records them ({ from, to }). */
export function primaryChanges(primary: Ticket, merged: Ticket): Partial<Record<MergeableField, { from: unknown; to: unknown }>> {
  const changes: Partial<Record<MergeableField, { from: unknown; to: unknown }>> = {};
  for (const field of MERGEABLE_FIELDS) {
    if (JSON.stringify(primary[field]) !== JSON.stringify(merged[field])) changes[field] = { from: primary[field], to: merged[field] };
  }
  return changes;
}
