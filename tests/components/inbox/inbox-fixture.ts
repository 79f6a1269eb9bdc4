import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { TicketSummary } from '../../../core/schemas/messages';
import { usePageStore, type OpenConversation } from '../../../stores/page';
import { useSessionStore } from '../../../stores/session';
import { connectionStatus } from '../session-fixture';

/** A webmail page signed in as an agent who may edit and bulk-act in department 1 ("Support"). */
export function inboxPage(options: { mailbox?: string | null; connected?: boolean } = {}): {
  pinia: Pinia;
  page: ReturnType<typeof usePageStore>;
  session: ReturnType<typeof useSessionStore>;
} {
  const pinia = createPinia();
  setActivePinia(pinia);
  const page = usePageStore();
  const session = useSessionStore();
  page.mailbox = options.mailbox === undefined ? 'support@acme.test' : options.mailbox;
  session.status =
    options.connected === false
      ? { configured: false, backendUrl: null, me: null, lastSyncAt: null, lastError: null }
      : connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.delete', 'ticket.merge'] }]);
  return { pinia, page, session };
}

export const conversation = (email: string | null): OpenConversation => ({
  threadId: '18be3dcdd8224f79',
  subject: 'Order missing',
  firstMessage: { from: { name: 'Alice Customer', email }, to: [], cc: [], messageId: null, date: null },
});

export const summary = (id: number, departmentId = 1): TicketSummary => ({
  id,
  number: 100 + id,
  departmentId,
  channel: 'email',
  status: 'open',
  priority: 'medium',
  assigneeAgentId: null,
  assigneeTeamId: null,
  subject: `Ticket ${id}`,
  createdAt: '2026-11-03T10:00:00.000Z',
  trashedAt: null,
  mergedIntoId: null,
  version: 1,
});
