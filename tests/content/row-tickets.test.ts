import { describe, expect, it, vi } from 'vitest';
import type { TicketSummary } from '../../core/schemas/messages';
import { RowTickets, type TicketLookup } from '../../content/row-tickets';
import type { ThreadRow } from '../../webmail/adapter';

const rows = (...threadIds: string[]) => threadIds.map((threadId) => ({ threadId }) as ThreadRow);
const ticket = (id: number) => ({ id, number: id }) as TicketSummary;

function setUp() {
  const page = { mailbox: 'support@acme.test' as string | null, indexRevision: 0 };
  const session = { status: { configured: true } as { configured: boolean } | null };
  const answers: Record<string, TicketSummary> = { a: ticket(1), b: ticket(2), c: ticket(3) };
  const lookup = vi.fn<TicketLookup>(async (_mailbox, threadIds) => Object.fromEntries(threadIds.flatMap((id) => (answers[id] ? [[id, answers[id]]] : []))));
  return { page, session, answers, lookup, tickets: new RowTickets(page, session, lookup) };
}

describe('the tickets of the listed conversations', () => {
  it('looks up a conversation with a ticket once; one without is asked again', async () => {
    const { tickets, lookup } = setUp();
    expect(await tickets.of(rows('a', 'x'))).toEqual({ a: ticket(1) });
    expect(await tickets.of(rows('a'))).toEqual({ a: ticket(1) });
    expect(await tickets.of(rows('a', 'b', 'x'))).toEqual({ a: ticket(1), b: ticket(2) });
    expect(lookup.mock.calls).toEqual([
      ['support@acme.test', ['a', 'x']],
      ['support@acme.test', ['b', 'x']],
    ]);
  });

  it('looks up every listed conversation again after the index changed, forgetting those no longer listed', async () => {
    const { tickets, lookup, page, answers } = setUp();
    await tickets.of(rows('a', 'b'));
    answers.a = { ...ticket(1), number: 99 };
    page.indexRevision++;
    expect(await tickets.of(rows('a', 'c'))).toEqual({ a: { ...ticket(1), number: 99 }, c: ticket(3) });
    expect(lookup.mock.calls.at(-1)).toEqual(['support@acme.test', ['a', 'c']]);
  });

  it('looks up again when the index changed while a lookup was running', async () => {
    const { tickets, lookup, page } = setUp();
    lookup.mockImplementationOnce(async (_mailbox, threadIds) => {
      page.indexRevision++;
      return Object.fromEntries(threadIds.map((id) => [id, ticket(1)]));
    });
    await tickets.of(rows('a'));
    await tickets.of(rows('a'));
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('asks nothing without a mailbox or a connection', async () => {
    const { tickets, lookup, page, session } = setUp();
    page.mailbox = null;
    expect(await tickets.of(rows('a'))).toEqual({});
    page.mailbox = 'support@acme.test';
    session.status = { configured: false };
    expect(await tickets.of(rows('a'))).toEqual({});
    expect(lookup).not.toHaveBeenCalled();
  });
});
