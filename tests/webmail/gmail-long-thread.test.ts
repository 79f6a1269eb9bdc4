// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { recipientsUnknown, ticketDraftFrom } from '../../components/inbox/ticket/ticket-draft';
import { conversationOf, sameConversation } from '../../content/features/page-state';
import { createGmailAdapter } from '../../webmail/gmail/adapter';
import { loadFixture } from './page-helpers';

/** Issue 19, item 6: a 10-message thread as Gmail first draws it. */

const TARGET = { provider: 'gmail' as const, mailbox: 'support@acme.test', departmentId: 1 };

/** What Gmail does when the agent clicks the collapsed first message: h7 instead of kv, and its header summary drawn. */
function expandFirst() {
  const item = document.querySelector<HTMLElement>('div.kv[role="listitem"]')!;
  item.classList.replace('kv', 'h7');
  const summary = document.createElement('span');
  summary.className = 'hb';
  summary.append('to ');
  for (const [name, email] of [
    ['Acme Support', 'support@acme.test'],
    ['Bea Colleague', 'bea@customer.test'],
  ]) {
    const person = document.createElement('span');
    person.className = 'g2';
    person.setAttribute('email', email!);
    person.setAttribute('name', name!);
    person.textContent = name!;
    summary.append(person);
  }
  item.querySelector('.gs')!.append(summary);
}

describe('Gmail long thread with collapsed and hidden messages', () => {
  it('lists all ten messages; the folded ones have unknown recipients, the expanded one its own', () => {
    const adapter = createGmailAdapter(loadFixture('gmail-long-thread.html'));
    const messages = adapter.openThread()!.messages;
    expect(messages).toHaveLength(10);
    expect(messages.map((m) => m.to)).toEqual([...Array(9).fill(null), [{ name: 'Ada Longthread', email: 'ada@customer.test' }]]);
    expect(messages.slice(0, 9).map((m) => m.cc)).toEqual(Array(9).fill(null));
    expect(messages[0]).toMatchObject({ messageId: '18c1000000001001', from: { email: 'ada@customer.test' }, date: 'Mon, Oct 19, 2026, 9:00 AM' });
  });

  it('never drafts a ticket recording "no recipients" while the first message is collapsed, and drafts it once expanded', () => {
    const adapter = createGmailAdapter(loadFixture('gmail-long-thread.html'));
    const collapsed = conversationOf(adapter.openThread())!;
    expect(collapsed.firstMessage).toMatchObject({ to: null, cc: null });
    expect(recipientsUnknown(collapsed)).toBe(true);
    expect(ticketDraftFrom(collapsed, TARGET)).toBeNull();

    expandFirst();
    const expanded = conversationOf(adapter.openThread())!;
    expect(recipientsUnknown(expanded)).toBe(false);
    expect(ticketDraftFrom(expanded, TARGET)?.firstThread).toMatchObject({ to: ['support@acme.test', 'bea@customer.test'], cc: [] });
  });

  it('tells the page store the conversation changed when its recipients become known', () => {
    const adapter = createGmailAdapter(loadFixture('gmail-long-thread.html'));
    const collapsed = conversationOf(adapter.openThread());
    expect(sameConversation(collapsed, conversationOf(adapter.openThread()))).toBe(true);
    expandFirst();
    expect(sameConversation(collapsed, conversationOf(adapter.openThread()))).toBe(false);
  });
});
