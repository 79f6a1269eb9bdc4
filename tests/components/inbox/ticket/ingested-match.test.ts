import { describe, expect, it } from 'vitest';
import { decideMatch, lookupRequestFor } from '../../../../components/inbox/ticket/ingested-match';
import type { TicketSummary } from '../../../../core/schemas/messages';
import type { OpenConversation } from '../../../../stores/page';

const conversation = (first: Partial<NonNullable<OpenConversation['firstMessage']>> | null = {}): OpenConversation => ({
  threadId: 'AAQkADAwATM3ZmYAZS1hY2U0',
  subject: 'Re: Order missing',
  firstMessage: first && { from: { name: 'Alice Customer', email: 'alice@customer.test' }, to: [], cc: [], messageId: null, date: 'Tue 11/3/2026 10:42 AM', ...first },
});

const summary = (id: number, departmentId = 1): TicketSummary => ({
  id,
  number: 1000 + id,
  departmentId,
  channel: 'email',
  status: 'open',
  priority: 'medium',
  assigneeAgentId: null,
  assigneeTeamId: null,
  subject: 'Order missing',
  createdAt: '2026-11-03T10:42:00Z',
  trashedAt: null,
  mergedIntoId: null,
  version: 1,
});

describe('lookupRequestFor: what an Outlook conversation without a ticket is looked up by', () => {
  it("asks with the first message's sender, the thread's subject and its date read in the browser's zone", () => {
    expect(lookupRequestFor('outlook', conversation())).toEqual({
      from: 'alice@customer.test',
      subject: 'Re: Order missing',
      sentAt: new Date(2026, 10, 3, 10, 42).toISOString(),
    });
  });

  it('never on Gmail, whose rows the mailbox links itself', () => {
    expect(lookupRequestFor('gmail', conversation())).toBeNull();
  });

  it('not without a sender address, a date, a date it can read, or a message at all', () => {
    expect(lookupRequestFor('outlook', conversation({ from: { name: 'Alice Customer', email: null } }))).toBeNull();
    expect(lookupRequestFor('outlook', conversation({ date: null }))).toBeNull();
    expect(lookupRequestFor('outlook', conversation({ date: 'yesterday-ish' }))).toBeNull();
    expect(lookupRequestFor('outlook', conversation(null))).toBeNull();
  });
});

describe('decideMatch: link, offer, or leave the conversation as it is', () => {
  const anyone = () => true;

  it('links the one match at once', () => {
    expect(decideMatch([summary(1)], anyone)).toEqual({ kind: 'link', ticket: summary(1) });
  });

  it('offers several matches in the order found, linking none', () => {
    expect(decideMatch([summary(2), summary(1)], anyone)).toEqual({ kind: 'choose', tickets: [summary(2), summary(1)] });
  });

  it('R-PERM-5 offers, rather than links, a single match the agent cannot edit', () => {
    expect(decideMatch([summary(1, 2)], (t) => t.departmentId === 1)).toEqual({ kind: 'choose', tickets: [summary(1, 2)] });
  });

  it('changes nothing without a match', () => {
    expect(decideMatch([], anyone)).toEqual({ kind: 'none' });
  });
});
