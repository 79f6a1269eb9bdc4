import { ref, shallowRef } from 'vue';
import { decideMatch, lookupRequestFor, type LookupRequest } from './ingested-match';
import { hasPermission } from '../../../core/rules/permissions';
import type { TicketSummary } from '../../../core/schemas/messages';
import type { Ticket, WebmailThread } from '../../../core/schemas/ticket';
import { send } from '../../../messaging/send';
import { usePageStore } from '../../../stores/page';
import { useSessionStore } from '../../../stores/session';
import { failureText } from '../../shared/refusal-text';

/**
 * The ticket the mailbox already made of an Outlook conversation that has none linked: linked at
 * once when it is certain, offered (candidates) when not, so "Create ticket" makes no duplicate.
 */
export function useIngestedMatch() {
  const page = usePageStore();
  const session = useSessionStore();
  const candidates = shallowRef<TicketSummary[]>([]);
  /** Why the last lookup could not ask the backend: the agent then knows "Create ticket" may make a duplicate. */
  const lookupError = ref<string | null>(null);
  /** A load that runs while a link is on its way must not link twice: the second would carry a stale version. */
  let running: { threadId: string; found: Promise<Ticket | null> } | null = null;

  /** The open conversation as a ticket's webmail thread, taken when asked: another may open meanwhile. */
  function openThread(): WebmailThread | null {
    const threadId = page.conversation?.threadId;
    return threadId && page.mailbox ? { provider: page.provider, mailbox: page.mailbox, threadId } : null;
  }

  async function linkThread(match: TicketSummary, webmailThread: WebmailThread): Promise<Ticket | null> {
    const { ticket } = await send('tickets.link', { id: match.id, version: match.version, webmailThread });
    candidates.value = [];
    // Queued while the backend is away: show the ticket as it was found.
    return ticket ?? send('tickets.get', { id: match.id });
  }

  async function lookUpAndLink(request: LookupRequest, webmailThread: WebmailThread): Promise<Ticket | null> {
    // Unreachable backend: the panel still offers Create ticket (queued), and says the check for a duplicate could not run.
    const { items } = await send('tickets.lookup', request).catch((error: unknown) => {
      lookupError.value = failureText(error);
      return { items: [] };
    });
    if (page.conversation?.threadId !== webmailThread.threadId) return null;
    const decision = decideMatch(items, (t) => hasPermission(session.access, 'ticket.edit', t.departmentId));
    candidates.value = decision.kind === 'choose' ? decision.tickets : [];
    return decision.kind === 'link' ? linkThread(decision.ticket, webmailThread) : null;
  }

  /** The ticket it linked the open conversation to, or null (with candidates set when there are some). */
  function find(): Promise<Ticket | null> {
    const conversation = page.conversation;
    const request = conversation && lookupRequestFor(page.provider, conversation);
    const webmailThread = openThread();
    if (webmailThread && running?.threadId === webmailThread.threadId) return running.found;
    candidates.value = [];
    lookupError.value = null;
    if (!request || !webmailThread) return Promise.resolve(null);
    const found = lookUpAndLink(request, webmailThread);
    const done = () => {
      if (running?.found === found) running = null;
    };
    found.then(done, done);
    running = { threadId: webmailThread.threadId, found };
    return found;
  }

  /** The agent's pick among the candidates, for the conversation open now. */
  async function link(match: TicketSummary): Promise<Ticket | null> {
    const webmailThread = openThread();
    return webmailThread ? linkThread(match, webmailThread) : null;
  }

  return { candidates, lookupError, find, link };
}
