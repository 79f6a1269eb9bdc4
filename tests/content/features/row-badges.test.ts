// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BadgeLayer, type BadgeText } from '../../../content/features/row-badges';
import type { TicketSummary } from '../../../core/schemas/messages';
import type { ThreadRow } from '../../../webmail/adapter';
import { createGmailAdapter } from '../../../webmail/gmail/adapter';
import { addOwnBadge, loadFixture } from '../../webmail/page-helpers';

const words: BadgeText = {
  statusLabel: (status) => `status:${status}`,
  assigneeName: (ticket) => (ticket.assigneeAgentId === 5 ? 'Dana Agent' : null),
  label: (ticket, status, assignee) => `#${ticket.number} ${status} ${assignee ?? 'unassigned'}`,
};

const ticket = (number: number, changes: Partial<TicketSummary> = {}) => ({ id: number, number, status: 'open', assigneeAgentId: null, ...changes }) as TicketSummary;
const badgeOf = (row: ThreadRow) => row.element.querySelector('inbox-desk-badge');
const textOf = (row: ThreadRow) => badgeOf(row)?.shadowRoot?.querySelector('span')?.textContent;

describe('the ticket badge on each listed conversation', () => {
  let rows: ThreadRow[];
  let layer: BadgeLayer;

  beforeEach(() => {
    rows = createGmailAdapter(loadFixture('gmail-inbox.html')).rows();
    layer = new BadgeLayer(words);
  });

  it('puts one badge, marked as ours, before the subject of each row with a ticket, written as text', () => {
    layer.render(rows, { [rows[0]!.threadId]: ticket(42, { assigneeAgentId: 5 }), [rows[2]!.threadId]: ticket(7) });
    expect(rows.map((row) => textOf(row) ?? null).slice(0, 3)).toEqual(['#42 · status:open · DA', null, '#7 · status:open']);
    const badge = badgeOf(rows[0]!)!;
    expect(badge.getAttribute('data-inbox-desk')).toBe('badge');
    expect(rows[0]!.badgeSlot.firstElementChild).toBe(badge);
    expect(badge.getAttribute('title')).toBe('#42 status:open Dana Agent');
  });

  it('updates a badge in place and takes it away when the conversation has no ticket any more', () => {
    const id = rows[0]!.threadId;
    layer.render(rows, { [id]: ticket(42) });
    const badge = badgeOf(rows[0]!);
    layer.render(rows, { [id]: ticket(42, { status: 'closed' }) });
    expect(badgeOf(rows[0]!)).toBe(badge);
    expect(textOf(rows[0]!)).toBe('#42 · status:closed');
    layer.render(rows, {});
    expect(badgeOf(rows[0]!)).toBeNull();
  });

  it('removes every badge it drew when the feature stops, and only those', () => {
    const foreign = addOwnBadge(rows[1]!.badgeSlot);
    layer.render(rows, { [rows[0]!.threadId]: ticket(42), [rows[2]!.threadId]: ticket(7) });
    layer.removeAll();
    expect([...document.querySelectorAll('inbox-desk-badge')]).toEqual([foreign]);
  });
});
