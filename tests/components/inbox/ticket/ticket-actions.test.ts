import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TicketActions from '../../../../components/inbox/ticket/TicketActions.vue';
import type { Job } from '../../../../core/schemas/job';
import type { RequestOf } from '../../../../core/schemas/messages';
import type { Permission } from '../../../../core/schemas/role';
import type { TicketReplyPreview } from '../../../../core/schemas/ticket-reply';
import { fakeBackground, type Answers } from '../../fake-background';
import { connectionStatus, heldAnswer } from '../../session-fixture';
import { useLocale } from '../../setup';
import { inboxPage } from '../inbox-fixture';

const TICKET = { id: 7, number: 1260, departmentId: 1 };
const AGENT: Permission[] = ['ticket.view', 'ticket.edit', 'ticket.send_email'];

const job = (over: Partial<Job>): Job => ({
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
  ...over,
});

const SAMPLE: TicketReplyPreview = {
  violations: [],
  sample: {
    ticketId: 7,
    from: 'noreply@acme.test',
    to: ['kim@customer.example'],
    cc: ['partner@customer.example', 'boss@customer.example'],
    subject: 'Re: Order missing',
    html: '<p>Hello Kim</p>',
    text: 'Hello Kim, your order shipped.',
    inReplyTo: '<first@customer.example>',
  },
};

function actions(permissions: Permission[], answers: Answers = {}) {
  const { pinia, session } = inboxPage();
  session.status = connectionStatus([{ id: 1, name: 'Support', permissions }]);
  const received = fakeBackground({
    'templates.list': () => ({ items: [{ id: 3, departmentId: 1, name: 'Shipped', subject: 'Shipped', body: 'Hello {{contact.name}}, your order shipped.' }] }),
    'macros.list': () => ({ items: [] }),
    ...answers,
  });
  return { wrapper: mount(TicketActions, { props: { ticket: TICKET }, global: { plugins: [pinia] } }), received };
}

const button = (wrapper: VueWrapper, name: string) => wrapper.findAll('button').find((b) => b.text() === name)!;
const reasonOf = (wrapper: VueWrapper, name: string) => wrapper.get(`#${button(wrapper, name).attributes('aria-describedby')}`).text();

describe('TicketActions: Reply to this ticket (R-PERM-2, R-REPLY-2/5, R-CC-7)', () => {
  it('without ticket.send_email Reply is disabled and says which permission is missing; pressing opens nothing', async () => {
    const { wrapper } = actions(['ticket.view', 'ticket.edit']);
    await flushPromises();
    expect(button(wrapper, 'Reply').attributes('aria-disabled')).toBe('true');
    expect(reasonOf(wrapper, 'Reply')).toBe('You need the permission ticket.send_email in department Support (ask an admin to grant it to your role).');
    await button(wrapper, 'Reply').trigger('click');
    expect(wrapper.find('[role=dialog]').exists()).toBe(false);
  });

  it('with send_email only: template, preview as the customer gets it, a CC unticked, Send, the undo window, then delivery per recipient', async () => {
    const sent = heldAnswer<{ outboxId: string; job: Job | null }>();
    let polled = job({ status: 'completed', counts: { total: 1, done: 1, failed: 0 }, delivery: { total: 2, counts: { sent: 1, failed: 1 }, problems: [] } });
    polled = {
      ...polled,
      delivery: { ...polled.delivery!, problems: [{ ticketId: 7, address: 'partner@customer.example', status: 'failed', response: '550 mailbox unavailable' }] },
    };
    const { wrapper, received } = actions(AGENT, { 'ticketReplies.preview': () => SAMPLE, 'ticketReplies.send': () => sent.promise, 'jobs.get': () => polled });
    await flushPromises();
    await button(wrapper, 'Reply').trigger('click');
    await flushPromises();
    const dialog = wrapper.get('[role=dialog]');
    expect(dialog.attributes('aria-label')).toBe('Reply to ticket #1260');
    await dialog.get('select').setValue('3');
    expect((dialog.get('textarea').element as HTMLTextAreaElement).value).toBe('Hello {{contact.name}}, your order shipped.');

    await button(wrapper, 'Preview').trigger('click');
    await flushPromises();
    expect(received.find((m) => m.type === 'ticketReplies.preview')!.payload).toEqual({
      ticketId: 7,
      reply: { templateId: 3, subject: 'Shipped', body: 'Hello {{contact.name}}, your order shipped.' },
    });
    const sample = wrapper.get('[data-testid=reply-sample]');
    expect(sample.text()).toContain('To: kim@customer.example');
    expect(sample.text()).toContain('Hello Kim, your order shipped.');
    const boxes = sample.findAll('input[type=checkbox]');
    expect(boxes.map((b) => (b.element as HTMLInputElement).checked)).toEqual([true, true]);
    await boxes[1]!.setValue(false);

    await button(wrapper, 'Send').trigger('click');
    expect(wrapper.text()).toContain('Working…');
    sent.release({ outboxId: 'o1', job: job({}) });
    await flushPromises();
    expect((received.find((m) => m.type === 'ticketReplies.send')!.payload as RequestOf<'ticketReplies.send'>).reply.omitAddresses).toEqual(['boss@customer.example']);
    expect(wrapper.text()).toContain('Sending shortly…');
    expect(button(wrapper, 'Undo').exists()).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await flushPromises();
    expect(wrapper.text()).toContain('1 of 2 recipients delivered');
    expect(wrapper.text()).toContain('partner@customer.example (failed): 550 mailbox unavailable');
  });

  it('Undo in the window cancels the reply: nothing is sent', async () => {
    const { wrapper, received } = actions(AGENT, {
      'ticketReplies.preview': () => SAMPLE,
      'ticketReplies.send': () => ({ outboxId: 'o1', job: job({}) }),
      'jobs.cancel': () => job({ status: 'cancelled' }),
    });
    await flushPromises();
    await button(wrapper, 'Reply').trigger('click');
    await flushPromises();
    await wrapper.get('textarea').setValue('Never mind');
    await button(wrapper, 'Preview').trigger('click');
    await flushPromises();
    await button(wrapper, 'Send').trigger('click');
    await flushPromises();
    await button(wrapper, 'Undo').trigger('click');
    await flushPromises();
    expect(received.find((m) => m.type === 'jobs.cancel')!.payload).toEqual({ id: 42 });
    expect(wrapper.text()).toContain('Undone. Nothing was sent.');
  });

  it('a refused preview lists the rule and Send says why it cannot run', async () => {
    const refused: TicketReplyPreview = { violations: [{ rule: 'R-REPLY-3', message: 'Ticket #1260: the contact has no e-mail address.' }], sample: null };
    const { wrapper, received } = actions(AGENT, { 'ticketReplies.preview': () => refused });
    await flushPromises();
    await button(wrapper, 'Reply').trigger('click');
    await flushPromises();
    expect(reasonOf(wrapper, 'Preview')).toBe('Write the message first.');
    await wrapper.get('textarea').setValue('Hello');
    await button(wrapper, 'Preview').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toBe('Ticket #1260: the contact has no e-mail address.');
    expect(button(wrapper, 'Send').attributes('aria-disabled')).toBe('true');
    await button(wrapper, 'Send').trigger('click');
    expect(received.map((m) => m.type)).not.toContain('ticketReplies.send');
  });

  it('speaks Japanese too', async () => {
    useLocale('ja');
    const { wrapper } = actions(AGENT);
    await flushPromises();
    expect(wrapper.text()).toContain('返信する');
    expect(wrapper.text()).toContain('マクロを実行する');
  });
});

describe('TicketActions: Run macro on this ticket (R-BULK-14)', () => {
  const MACROS = {
    'macros.list': () => ({
      items: [
        {
          id: 5,
          departmentId: 1,
          name: 'Close as resolved',
          steps: [
            { type: 'send_reply' as const, templateId: 3 },
            { type: 'set_status' as const, status: 'closed' as const },
          ],
        },
        { id: 6, departmentId: 1, name: 'Hold', steps: [{ type: 'set_status' as const, status: 'on_hold' as const }] },
      ],
    }),
  };

  it('says to choose a macro first; one that replies needs ticket.send_email, and says so', async () => {
    const { wrapper } = actions(['ticket.view', 'ticket.edit'], MACROS);
    await flushPromises();
    expect(reasonOf(wrapper, 'Run macro')).toBe('Choose a macro first.');
    await wrapper.get('select').setValue('5');
    expect(reasonOf(wrapper, 'Run macro')).toBe('You need the permission ticket.send_email in department Support (ask an admin to grant it to your role).');
    await wrapper.get('select').setValue('6');
    expect(button(wrapper, 'Run macro').attributes('aria-disabled')).toBe('false');
  });

  it('runs on this ticket only, shows the undo window of its reply, then the result and the delivery', async () => {
    const done = job({ operation: 'macro', status: 'completed', counts: { total: 1, done: 1, failed: 0 }, delivery: { total: 1, counts: { sent: 1 }, problems: [] } });
    const { wrapper, received } = actions(AGENT, {
      ...MACROS,
      'jobs.submit': () => ({ outboxId: 'o2', job: job({ operation: 'macro' }) }),
      'jobs.get': () => done,
      'sync.now': () => ({ changed: 1 }),
    });
    await flushPromises();
    await wrapper.get('select').setValue('5');
    await button(wrapper, 'Run macro').trigger('click');
    await flushPromises();
    expect(received.find((m) => m.type === 'jobs.submit')!.payload).toEqual({ operation: 'macro', departmentId: 1, ticketIds: [7], payload: { macroId: 5 } });
    expect(wrapper.text()).toContain('Sending shortly…');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await flushPromises();
    expect(wrapper.text()).toContain('Macro "Close as resolved" ran on this ticket.');
    expect(wrapper.text()).toContain('1 of 1 recipient delivered');
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it("a ticket the macro failed on shows the server's reason with its number", async () => {
    const failed = job({
      operation: 'macro',
      status: 'completed',
      counts: { total: 1, done: 0, failed: 1 },
      failures: [{ ticketId: 7, ticketNumber: 1260, reason: 'R-PERM-5: You need the permission ticket.send_email in department Support.' }],
    });
    const { wrapper } = actions(AGENT, { ...MACROS, 'jobs.submit': () => ({ outboxId: 'o3', job: failed }), 'sync.now': () => ({ changed: 0 }) });
    await flushPromises();
    await wrapper.get('select').setValue('6');
    await button(wrapper, 'Run macro').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('#1260: R-PERM-5: You need the permission ticket.send_email in department Support.');
  });
});
