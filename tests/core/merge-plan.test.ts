import { describe, expect, it } from 'vitest';
import { differentContacts, fieldOptions, mergedTimeline, primaryChanges } from '../../core/merge-plan';
import { MERGEABLE_FIELDS, mergedFields, type MergeableField } from '../../core/rules/merge-rules';
import type { Ticket } from '../../core/schemas/ticket';
import type { Comment, Thread } from '../../core/schemas/thread';
import { makeTicket } from './rules/fixtures';

const thread = (id: number, ticketId: number, createdAt: string): Thread => ({
  id,
  ticketId,
  direction: 'in',
  channel: 'email',
  from: 'alice@customer.test',
  to: [],
  cc: [],
  bcc: [],
  subject: `thread ${id}`,
  bodyText: '',
  bodyHtml: null,
  messageId: null,
  inReplyTo: null,
  references: [],
  createdAt,
  attachments: [],
});
const comment = (id: number, ticketId: number, createdAt: string): Comment => ({
  id,
  ticketId,
  visibility: 'private',
  body: `comment ${id}`,
  authorAgentId: 1,
  createdAt,
  editedAt: null,
});
const label = (e: ReturnType<typeof mergedTimeline>[number]) => `${e.kind}${e.kind === 'thread' ? e.thread.id : e.comment.id}@${e.ticketId}`;

describe('R-MERGE-6 the merged timeline', () => {
  it('interleaves threads and comments of every ticket by their own created time', () => {
    const entries = mergedTimeline(
      [thread(1, 10, '2026-01-01T10:00:00Z'), thread(2, 20, '2026-01-01T09:00:00Z'), thread(3, 10, '2026-01-01T12:00:00Z')],
      [comment(7, 20, '2026-01-01T11:00:00Z'), comment(8, 10, '2026-01-01T08:00:00Z')],
    );
    expect(entries.map(label)).toEqual(['comment8@10', 'thread2@20', 'thread1@10', 'comment7@20', 'thread3@10']);
  });

  it('compares instants, not strings, when offsets differ', () => {
    const entries = mergedTimeline([thread(1, 10, '2026-01-01T10:00:00+09:00'), thread(2, 20, '2026-01-01T02:00:00Z')], []);
    expect(entries.map(label)).toEqual(['thread1@10', 'thread2@20']);
  });

  it('orders equal times threads first, then by id, whatever the input order', () => {
    const t = '2026-01-01T10:00:00Z';
    const a = mergedTimeline([thread(5, 1, t), thread(4, 2, t)], [comment(2, 1, t), comment(1, 2, t)]).map(label);
    const b = mergedTimeline([thread(4, 2, t), thread(5, 1, t)], [comment(1, 2, t), comment(2, 1, t)]).map(label);
    expect(a).toEqual(['thread4@2', 'thread5@1', 'comment1@2', 'comment2@1']);
    expect(b).toEqual(a);
  });
});

describe('R-MERGE-4 the field chooser', () => {
  const primary = makeTicket({ id: 1, createdAt: '2025-01-01T00:00:00Z', product: null, priority: 'low' });
  const second = makeTicket({ id: 2, createdAt: '2025-02-01T00:00:00Z', product: 'Hub', priority: 'urgent' });
  const third = makeTicket({ id: 3, createdAt: '2025-03-01T00:00:00Z', product: 'Switch' });

  it("lists every mergeable field with each ticket's value and whether it is empty", () => {
    const options = fieldOptions([primary, second, third], 1);
    expect(options.map((o) => o.field)).toEqual([...MERGEABLE_FIELDS]);
    expect(options.find((o) => o.field === 'product')).toEqual({
      field: 'product',
      candidates: [
        { ticketId: 1, value: null, empty: true },
        { ticketId: 2, value: 'Hub', empty: false },
        { ticketId: 3, value: 'Switch', empty: false },
      ],
      defaultTicketId: 3,
    });
  });

  it('the default of a non-text field follows the primary the agent picked (R-MERGE-3)', () => {
    const withTags = [makeTicket({ ...primary, tags: ['a'] }), makeTicket({ ...second, tags: ['b'] }), third];
    expect(fieldOptions(withTags, 1).find((o) => o.field === 'tags')?.defaultTicketId).toBe(1);
    expect(fieldOptions(withTags, 2).find((o) => o.field === 'tags')?.defaultTicketId).toBe(2);
  });
});

/**
 * R-MERGE-4 defaults: the customer's live request must survive a merge with their older closed
 * tickets, though the oldest stays the primary (R-MERGE-3).
 */
describe('R-MERGE-4 the most useful default for each field', () => {
  const defaultOf = (tickets: Ticket[], field: MergeableField, primaryId = tickets[0]!.id) => fieldOptions(tickets, primaryId).find((o) => o.field === field)?.defaultTicketId;
  const closedOld = makeTicket({
    id: 1,
    createdAt: '2025-01-01T00:00:00Z',
    status: 'closed',
    priority: 'low',
    subject: 'Old problem',
    resolution: 'Restarted',
    assigneeAgentId: 5,
  });
  const closedMiddle = makeTicket({ id: 2, createdAt: '2025-02-01T00:00:00Z', status: 'closed', priority: 'medium', subject: 'Again' });
  const onHold = makeTicket({ id: 3, createdAt: '2025-03-01T00:00:00Z', status: 'on_hold', priority: 'high', subject: 'Still broken', assigneeAgentId: 9 });

  it('status: an on-hold ticket beats older closed ones, so the merged ticket is not closed', () => {
    const tickets = [closedOld, closedMiddle, onHold];
    expect(defaultOf(tickets, 'status')).toBe(3);
    expect(mergedFields(tickets, 1, {})).toMatchObject({ id: 1, status: 'on_hold', priority: 'high', subject: 'Still broken' });
  });

  it('status: the most active wins: open > on hold > escalated > waiting on customer > closed', () => {
    const order = ['open', 'on_hold', 'escalated', 'waiting_on_customer', 'closed'] as const;
    for (let i = 0; i < order.length - 1; i++) {
      const better = makeTicket({ id: 2, createdAt: '2025-01-01T00:00:00Z', status: order[i] });
      const worse = makeTicket({ id: 1, createdAt: '2024-01-01T00:00:00Z', status: order[i + 1] });
      expect(defaultOf([worse, better], 'status'), `${order[i]} over ${order[i + 1]}`).toBe(2);
    }
  });

  it('status and priority: on a tie the primary keeps its own, else the newest of the best', () => {
    const a = makeTicket({ id: 1, createdAt: '2025-01-01T00:00:00Z', status: 'open', priority: 'urgent' });
    const b = makeTicket({ id: 2, createdAt: '2025-02-01T00:00:00Z', status: 'open', priority: 'urgent' });
    const c = makeTicket({ id: 3, createdAt: '2025-03-01T00:00:00Z', status: 'open', priority: 'urgent' });
    expect(defaultOf([a, b, c], 'status', 2)).toBe(2);
    expect(defaultOf([a, b, c], 'priority', 2)).toBe(2);
    const closed = makeTicket({ ...a, status: 'closed', priority: 'low' });
    expect(defaultOf([closed, b, c], 'status', 1)).toBe(3);
    expect(defaultOf([closed, b, c], 'priority', 1)).toBe(3);
  });

  it('priority: the highest, whichever ticket holds it', () => {
    const urgentOld = makeTicket({ id: 1, createdAt: '2025-01-01T00:00:00Z', priority: 'urgent' });
    const lowNew = makeTicket({ id: 2, createdAt: '2025-02-01T00:00:00Z', priority: 'low' });
    expect(defaultOf([urgentOld, lowNew], 'priority', 2)).toBe(1);
    expect(defaultOf([closedOld, closedMiddle], 'priority')).toBe(2);
  });

  it('text: the newest non-empty value, an empty newer one does not erase it', () => {
    const tickets = [closedOld, closedMiddle, onHold];
    expect(defaultOf(tickets, 'subject')).toBe(3);
    expect(defaultOf(tickets, 'resolution')).toBe(1);
  });

  it('custom fields: the newest ticket that has any', () => {
    const a = makeTicket({ id: 1, createdAt: '2025-01-01T00:00:00Z', customFields: { order: 'A-1' } });
    const b = makeTicket({ id: 2, createdAt: '2025-02-01T00:00:00Z', customFields: { order: 'B-2' } });
    const c = makeTicket({ id: 3, createdAt: '2025-03-01T00:00:00Z', customFields: {} });
    expect(defaultOf([a, b, c], 'customFields')).toBe(2);
  });

  it("assignee: the agent of the ticket whose status wins, else the primary's", () => {
    expect(defaultOf([closedOld, closedMiddle, onHold], 'assigneeAgentId')).toBe(3);
    const unassigned = makeTicket({ ...onHold, assigneeAgentId: null });
    expect(defaultOf([closedOld, unassigned], 'assigneeAgentId')).toBe(1);
  });

  it("contact: always the primary's unless the agent picks another", () => {
    const other = makeTicket({ ...onHold, contactId: 777 });
    expect(defaultOf([closedOld, other], 'contactId')).toBe(1);
  });
});

describe('R-MERGE-9/10 the warning when contacts differ', () => {
  it("names the distinct contacts in the tickets' order", () => {
    expect(differentContacts([{ contactId: 5 }, { contactId: 7 }, { contactId: 5 }])).toEqual([5, 7]);
  });

  it('says nothing when every ticket has the same contact', () => {
    expect(differentContacts([{ contactId: 5 }, { contactId: 5 }])).toEqual([]);
  });
});

describe('what the merge changes on the primary', () => {
  it('names each changed field with its old and new value, and nothing else', () => {
    const primary = makeTicket({ id: 1, product: null, priority: 'low', tags: ['a'] });
    const other = makeTicket({ id: 2, createdAt: '2026-01-01T00:00:00Z', product: 'Hub', priority: 'high', tags: ['a'] });
    const merged = mergedFields([primary, other], 1, { priority: 2 });
    expect(primaryChanges(primary, merged)).toEqual({ product: { from: null, to: 'Hub' }, priority: { from: 'low', to: 'high' } });
    expect(primaryChanges(primary, primary)).toEqual({});
  });
});
