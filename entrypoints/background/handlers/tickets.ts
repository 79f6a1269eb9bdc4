import { Timeline } from '../../../core/schemas/api';
import type { TicketSummary } from '../../../core/schemas/messages';
import { Ticket } from '../../../core/schemas/ticket';
import { ApiCallError, call } from '../api-client';
import type { Handlers } from '../router';
import { backend, services } from '../services';
import type { NewEntry } from '../outbox';

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
});

/** Queues a write, tries it at once, and answers with the backend's answer or null while it waits. */
export async function queue(entry: NewEntry): Promise<{ outboxId: string; answer: unknown }> {
  const { outbox } = await services();
  const stored = await outbox.add(entry);
  await outbox.drain();
  const answer = outbox.takeAnswer(stored.id);
  const left = await outbox.get(stored.id);
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
    const { index, connection } = await services();
    const local = await index.get(id);
    if (local) {
      const { threadKeys: _keys, ...ticket } = local;
      return ticket;
    }
    const fetched = await call(await connection(), async (api) => Ticket.parse(await api.get(`tickets/${id}`).json()));
    await index.upsert([fetched]);
    return fetched;
  },
  'tickets.create': async (input) =>
    asTicket(await queue({ kind: 'create_ticket', label: `Create ticket "${input.subject}"`, method: 'POST', path: 'tickets', body: input })),
  'tickets.update': async ({ id, version, changes }) => {
    const { index } = await services();
    const local = await index.get(id);
    // Optimistic: the badge shows the change at once; a refusal re-syncs the truth.
    if (local) await index.upsert([{ ...local, ...changes }]);
    return asTicket(
      await queue({ kind: 'update_ticket', label: `Update ticket #${local?.number ?? id}`, method: 'PATCH', path: `tickets/${id}`, body: { version, ...changes } }),
    );
  },
  // Asked of the backend, not the index: the ticket may have arrived through the mailbox since the last sync.
  'tickets.lookup': ({ from, subject, sentAt }) =>
    backend(async (api) => {
      const found = (await api.get('tickets/lookup', { searchParams: { from, subject, sentAt } }).json()) as { items: unknown[] };
      return { items: found.items.map((t) => summary(Ticket.parse(t))) };
    }),
  'tickets.link': async ({ id, version, webmailThread }) => {
    const { index } = await services();
    const label = `Link a conversation to ticket #${(await index.get(id))?.number ?? id}`;
    return asTicket(await queue({ kind: 'update_ticket', label, method: 'PATCH', path: `tickets/${id}`, body: { version, addWebmailThread: webmailThread } }));
  },
  // The backend answers live tickets in departments the agent may view (R-PERM-5), newest first.
  'tickets.ofContact': ({ contactId, excludeId }) =>
    backend(async (api) => {
      const page = (await api.get('tickets', { searchParams: { contactId, limit: CONTACT_TICKETS } }).json()) as { items: unknown[] };
      return { items: page.items.map((t) => summary(Ticket.parse(t))).filter((t) => t.id !== excludeId) };
    }),
  'tickets.timeline': ({ id }) => backend(async (api) => Timeline.parse(await api.get(`tickets/${id}/timeline`).json())),
};
