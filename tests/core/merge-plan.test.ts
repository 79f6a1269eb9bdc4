import { describe, expect, it } from 'vitest';
import { fieldOptions, mergedTimeline, primaryChanges } from '../../core/merge-plan';
import { MERGEABLE_FIELDS, mergedFields } from '../../core/rules/merge-rules';
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
      defaultTicketId: 2,
    });
    expect(options.find((o) => o.field === 'priority')?.defaultTicketId).toBe(1);
  });

  it('the default choice follows the primary the agent picked (R-MERGE-3)', () => {
    expect(fieldOptions([primary, second, third], 3).find((o) => o.field === 'product')?.defaultTicketId).toBe(3);
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
