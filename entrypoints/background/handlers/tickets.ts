import { tickets } from '../../../core/contracts/tickets';
import type { MessageError, TicketSummary } from '../../../core/schemas/messages';
import { Ticket } from '../../../core/schemas/ticket';
import { ApiCallError } from '../api-client';
import type { NewEntry } from '../outbox';
import { writeTo } from '../outbox-entry';
import type { Handlers } from '../router';
import { call, services } from '../services';

/** Contact lists are short; the first page of the contact's tickets is what the panel can show anyway. */
const CONTACT_TICKETS = 50;

const summary = (t: Ticket): TicketSummary => ({
  id: t.id,
  number: t.number,
  departmentId: t.departmentId,
  channel: t.channel,
  status: t.status,
  priority: t.priority,
  assigneeAgentId: t.assigneeAgentId,
  assigneeTeamId: t.assigneeTeamId,
  subject: t.subject,
  createdAt: t.createdAt,
  trashedAt: t.trashedAt,
  mergedIntoId: t.mergedIntoId,
  version: t.version,
  spam: t.spam,
});

/**
 * Queues a write, tries it at once, and answers with the backend's answer or null while it waits.
 * A refusal `answeredByCaller` accepts (a stale reply the agent reviews or sends anyway) leaves
 * nothing to retry: it is dropped from the outbox rather than listed as a failed change.
 */
export async function queue(entry: NewEntry, answeredByCaller?: (error: MessageError) => boolean): Promise<{ outboxId: string; answer: unknown }> {
  const { outbox } = await services();
  const stored = await outbox.add(entry);
  await outbox.drain();
  const answer = outbox.takeAnswer(stored.id);
  const left = await outbox.get(stored.id);
  if (left?.status === 'failed' && left.lastError && answeredByCaller?.(left.lastError)) await outbox.forget(stored.id);
  if (left?.status === 'failed' && left.lastError) throw new ApiCallError(left.lastError, null, false);
  return { outboxId: stored.id, answer };
}

const asTicket = ({ outboxId, answer }: { outboxId: string; answer: unknown }) => ({ outboxId, ticket: answer ? Ticket.parse(answer) : null });

export const ticketHandlers: Handlers<
  'tickets.byThreads' | 'tickets.get' | 'tickets.create' | 'tickets.update' | 'tickets.lookup' | 'tickets.link' | 'tickets.ofContact' | 'tickets.timeline'
> = {
  'tickets.byThreads': async ({ provider, mailbox, threadIds }) => {
    const { index } = await services();
    const found = await index.byThreads(provider, mailbox, threadIds);
    return { tickets: Object.fromEntries([...found].map(([threadId, t]) => [threadId, summary(t)])) };
  },
  'tickets.get': async ({ id }) => {
    const { index } = await services();
    const local = await index.get(id);
    if (local) {
      const { threadKeys: _keys, ...ticket } = local;
      return ticket;
    }
    const fetched = await call(tickets.get, { params: { id } });
    await index.upsert([fetched]);
    return fetched;
  },
  'tickets.create': async (input) => asTicket(await queue({ kind: 'create_ticket', label: `Create ticket "${input.subject}"`, ...writeTo(tickets.create, { body: input }) })),
  'tickets.update': async ({ id, version, changes }) => {
    const { index } = await services();
    const local = await index.get(id);
    // Optimistic: the badge shows the change at once; a refusal re-syncs the truth.
    if (local) await index.upsert([{ ...local, ...changes }]);
    const write = writeTo(tickets.update, { params: { id }, body: { version, ...changes } });
    return asTicket(await queue({ kind: 'update_ticket', label: `Update ticket #${local?.number ?? id}`, ...write }));
  },
  // Asked of the backend, not the index: the ticket may have arrived through the mailbox since the last sync.
  'tickets.lookup': async ({ from, subject, sentAt }) => {
    const found = await call(tickets.lookup, { query: { from, subject, sentAt } });
    return { items: found.items.map(summary) };
  },
  'tickets.link': async ({ id, version, webmailThread }) => {
    const { index } = await services();
    const label = `Link a conversation to ticket #${(await index.get(id))?.number ?? id}`;
    return asTicket(await queue({ kind: 'update_ticket', label, ...writeTo(tickets.update, { params: { id }, body: { version, addWebmailThread: webmailThread } }) }));
  },
  // The backend answers live tickets in departments the agent may view (R-PERM-5), newest first.
  'tickets.ofContact': async ({ contactId, excludeId }) => {
    const page = await call(tickets.list, { query: { contactId, limit: CONTACT_TICKETS } });
    return { items: page.items.map(summary).filter((t) => t.id !== excludeId) };
  },
  'tickets.timeline': ({ id }) => call(tickets.timeline, { params: { id } }),
};
