import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../core/schemas/messages';
import { selectionOf } from '../../content/selection';
import type { ThreadRow } from '../../webmail/adapter';

const row = (threadId: string, selected: boolean): ThreadRow => ({
  threadId,
  subject: `Subject ${threadId}`,
  sender: { name: 'Alice Customer', email: 'alice@customer.test' },
  date: null,
  selected,
  element: null as unknown as HTMLElement,
  badgeSlot: null as unknown as HTMLElement,
});

const ticket = (id: number): TicketSummary => ({
  id,
  number: 100 + id,
  departmentId: 1,
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

describe('the selection the bar counts and acts on', () => {
  it('lists the selected conversations only, in page order', () => {
    const selection = selectionOf([row('a', true), row('b', false), row('c', true)], {});
    expect(selection.threadIds).toEqual(['a', 'c']);
  });

  it('R-MERGE-7: conversations merged into one ticket count as that ticket once', () => {
    const merged = ticket(7);
    const selection = selectionOf([row('a', true), row('b', true), row('c', true)], { a: merged, b: merged, c: ticket(8) });
    expect(selection.tickets.map((t) => t.id)).toEqual([7, 8]);
    expect(selection.withoutTicket).toEqual([]);
  });

  it('keeps what creating a ticket needs for the selected conversations without one, and ignores unselected tickets', () => {
    const selection = selectionOf([row('a', true), row('b', false), row('c', true)], { b: ticket(2), c: ticket(3) });
    expect(selection.tickets.map((t) => t.id)).toEqual([3]);
    expect(selection.withoutTicket).toEqual([{ threadId: 'a', subject: 'Subject a', sender: { name: 'Alice Customer', email: 'alice@customer.test' } }]);
  });
});
