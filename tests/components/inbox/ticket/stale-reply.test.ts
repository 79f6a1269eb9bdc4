import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import TicketActions from '../../../../components/inbox/ticket/TicketActions.vue';
import { replyingTickets } from '../../../../components/inbox/reply/replying';
import type { Job } from '../../../../core/schemas/job';
import type { RequestOf } from '../../../../core/schemas/messages';
import type { Thread } from '../../../../core/schemas/thread';
import type { StaleReplyDetails, TicketReplyPreview } from '../../../../core/schemas/ticket-reply';
import { fakeBackground, Refusal, type Answers } from '../../fake-background';
import { connectionStatus } from '../../session-fixture';
import { useLocale } from '../../setup';
import { inboxPage } from '../inbox-fixture';

const TICKET = { id: 7, number: 1260, departmentId: 1 };
const SAMPLE: TicketReplyPreview = {
  violations: [],
  sample: { ticketId: 7, from: 'noreply@acme.test', to: ['kim@customer.example'], cc: [], subject: 'Re: Order', html: '', text: 'Hello', inReplyTo: null },
};
const STALE: StaleReplyDetails = { reason: 'stale_reply', threadCount: 2, latest: { direction: 'in', from: 'kim@customer.example', createdAt: '2026-12-04T10:05:00Z' } };
const thread = (id: number): Thread => ({
  id,
  ticketId: 7,
  direction: 'in',
  channel: 'email',
  from: 'kim@customer.example',
  to: ['support@acme.test'],
  cc: [],
  bcc: [],
  subject: 'Order',
  bodyText: 'Where is it?',
  bodyHtml: null,
  messageId: null,
  inReplyTo: null,
  references: [],
  createdAt: '2026-12-04T10:00:00Z',
  attachments: [],
});
const JOB: Job = {
  id: 42,
  operation: 'reply',
  mode: 'bulk',
  payload: {},
  departmentId: 1,
  viewId: null,
  viewName: null,
  initiatorId: 1,
  status: 'queued',
  counts: { total: 1, done: 0, failed: 0 },
  failures: [],
  delivery: null,
  createdAt: '2026-12-04T10:00:00Z',
  startedAt: null,
  finishedAt: null,
};
const queued = { outboxId: 'o1', job: JOB };

function composer(answers: Answers) {
  const { pinia, session } = inboxPage();
  session.status = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view', 'ticket.edit', 'ticket.send_email'] }]);
  const received = fakeBackground({
    'templates.list': () => ({ items: [] }),
    'macros.list': () => ({ items: [] }),
    'tickets.timeline': () => ({ threads: [thread(1)], comments: [] }),
    'ticketReplies.preview': () => SAMPLE,
    'jobs.get': () => JOB,
    ...answers,
  });
  return { wrapper: mount(TicketActions, { props: { ticket: TICKET }, global: { plugins: [pinia] } }), received };
}
const button = (wrapper: VueWrapper, name: string) => wrapper.findAll('button').find((b) => b.text() === name)!;
const sends = (received: { type: string; payload: unknown }[]) =>
  received.filter((m) => m.type === 'ticketReplies.send').map((m) => (m.payload as RequestOf<'ticketReplies.send'>).reply);

async function writeAndSend(wrapper: VueWrapper) {
  await button(wrapper, 'Reply').trigger('click');
  await flushPromises();
  await wrapper.get('textarea').setValue('Here is your refund');
  await button(wrapper, 'Preview').trigger('click');
  await flushPromises();
  await button(wrapper, 'Send').trigger('click');
  await flushPromises();
}

const staleAnswer = () => {
  throw new Refusal({ code: 'CONFLICT', message: 'Ticket #1260 got a new message since you started this reply', details: STALE });
};

/** Issue 22, item 9: a reply to a ticket that got a message since the composer opened asks first. */
describe('TicketReplyComposer: a new message arrived while replying', () => {
  // Composers of earlier tests stay mounted: their marks must not count here.
  beforeEach(() => replyingTickets.clear());

  it('sends what it saw; a stale answer asks first, and Send anyway sends with confirmStale', async () => {
    let attempt = 0;
    const { wrapper, received } = composer({ 'ticketReplies.send': () => (attempt++ === 0 ? staleAnswer() : queued) });
    await writeAndSend(wrapper);
    expect(sends(received)[0]).toMatchObject({ body: 'Here is your refund', seenThreadCount: 1 });
    expect(sends(received)[0]).not.toHaveProperty('confirmStale');
    const prompt = wrapper.get('[role=alertdialog]');
    expect(prompt.text()).toContain('A new message arrived — review before sending');
    expect(prompt.text()).toContain('The newest is from kim@customer.example');
    expect(button(wrapper, 'Send')).toBeUndefined();
    expect(wrapper.find('.job-progress, [role=alert]').exists()).toBe(false);

    await button(wrapper, 'Send anyway').trigger('click');
    await flushPromises();
    expect(sends(received)[1]).toMatchObject({ seenThreadCount: 1, confirmStale: true });
    expect(wrapper.text()).toContain('Sending shortly…');
  });

  it('Review asks the panel to show the new message, and the next Send counts it as seen', async () => {
    let attempt = 0;
    const { wrapper, received } = composer({ 'ticketReplies.send': () => (attempt++ === 0 ? staleAnswer() : queued) });
    await writeAndSend(wrapper);
    await button(wrapper, 'Review').trigger('click');
    await flushPromises();
    expect(wrapper.emitted('review')).toHaveLength(1);
    expect(wrapper.find('[role=alertdialog]').exists()).toBe(false);
    await button(wrapper, 'Send').trigger('click');
    await flushPromises();
    expect(sends(received)[1]).toEqual({ body: 'Here is your refund', seenThreadCount: 2 });
  });

  it('other agents see "replying" while the composer has text, not once it is empty or closed', async () => {
    const { wrapper } = composer({});
    await button(wrapper, 'Reply').trigger('click');
    await flushPromises();
    expect(replyingTickets.has(7)).toBe(false);
    await wrapper.get('textarea').setValue('Hi');
    expect(replyingTickets.has(7)).toBe(true);
    await wrapper.get('textarea').setValue('  ');
    expect(replyingTickets.has(7)).toBe(false);
    await wrapper.get('textarea').setValue('Hi again');
    await button(wrapper, 'Cancel').trigger('click');
    await flushPromises();
    expect(replyingTickets.has(7)).toBe(false);
  });

  it('if the timeline cannot be read the reply goes without the check, as before', async () => {
    const { wrapper, received } = composer({
      'tickets.timeline': () => {
        throw new Refusal({ code: 'INTERNAL', message: 'down' });
      },
      'ticketReplies.send': () => queued,
    });
    await writeAndSend(wrapper);
    expect(sends(received)[0]).toEqual({ body: 'Here is your refund' });
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    const { wrapper } = composer({ 'ticketReplies.send': staleAnswer });
    await button(wrapper, '返信する').trigger('click');
    await flushPromises();
    await wrapper.get('textarea').setValue('返金しました');
    await button(wrapper, 'プレビュー').trigger('click');
    await flushPromises();
    await button(wrapper, '送信する').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role=alertdialog]').text()).toContain('新しいメッセージが届きました — 送信する前に確認してください');
    expect(button(wrapper, 'このまま送信する').exists()).toBe(true);
    expect(button(wrapper, '確認する').exists()).toBe(true);
  });
});
