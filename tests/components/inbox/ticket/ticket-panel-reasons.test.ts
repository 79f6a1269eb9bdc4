import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TicketPanel from '../../../../components/inbox/ticket/TicketPanel.vue';
import type { TicketCreate } from '../../../../core/schemas/api';
import { fakeBackground, Refusal } from '../../fake-background';
import { heldAnswer } from '../../session-fixture';
import { useLocale } from '../../setup';
import { conversation, inboxPage } from '../inbox-fixture';

const createButton = (wrapper: ReturnType<typeof mount>) => wrapper.get('button.primary');
const descriptionOf = (wrapper: ReturnType<typeof mount>) => wrapper.get(`#${createButton(wrapper).attributes('aria-describedby')}`).text();

function panel(options: { mailbox?: string | null; sender?: string | null }) {
  const { pinia, page } = inboxPage({ mailbox: options.mailbox });
  page.conversation = conversation(options.sender === undefined ? 'alice@customer.test' : options.sender);
  const created = heldAnswer<{ outboxId: string; ticket: null }>();
  const received = fakeBackground({
    'tickets.byThreads': () => ({ tickets: {} }),
    'tickets.inTrash': () => null,
    'tickets.create': () => created.promise,
  });
  return { wrapper: mount(TicketPanel, { global: { plugins: [pinia] } }), received, created };
}

describe('TicketPanel: Create ticket never does nothing', () => {
  it('without the mailbox address it is disabled and says so, with how to fix it; pressing sends nothing', async () => {
    const { wrapper, received } = panel({ mailbox: null });
    await flushPromises();
    expect(createButton(wrapper).attributes('aria-disabled')).toBe('true');
    expect(descriptionOf(wrapper)).toBe(
      "Inbox Desk could not read this mailbox's address from the page. Set it (in this panel, or on the options page) to find and create tickets here.",
    );
    // Shown at once: the panel has room, and the agent must not have to press to learn why.
    expect(wrapper.get('.disabled-reason').classes()).toContain('shown');
    await createButton(wrapper).trigger('click');
    await flushPromises();
    expect(received.map((m) => m.type)).not.toContain('tickets.create');
  });

  it('while the page shows no sender address it says to open the first message', async () => {
    const { wrapper } = panel({ sender: null });
    await flushPromises();
    expect(descriptionOf(wrapper)).toBe("The sender's address is not shown on the page yet; open the first message and try again.");
  });

  it('when it can work it shows progress at once, then what became of the ticket', async () => {
    const { wrapper, received, created } = panel({});
    await flushPromises();
    expect(createButton(wrapper).attributes('aria-disabled')).toBe('false');
    expect(createButton(wrapper).attributes('aria-describedby')).toBeUndefined();
    await createButton(wrapper).trigger('click');
    expect(wrapper.get('[role=status]').text()).toBe('Creating…');
    created.release({ outboxId: 'o1', ticket: null });
    await flushPromises();
    expect(wrapper.get('[role=status]').text()).toBe('Saved on this computer; it will reach the server when it is reachable again.');
    const sent = received.find((m) => m.type === 'tickets.create')!.payload as TicketCreate;
    expect(sent.contact).toMatchObject({ email: 'alice@customer.test' });
  });

  it('Outlook: when the backend cannot be asked whether the mailbox already made the ticket, the panel says so', async () => {
    const { pinia, page } = inboxPage({});
    page.provider = 'outlook';
    page.conversation = { ...conversation('alice@customer.test'), firstMessage: { ...conversation('alice@customer.test').firstMessage!, date: '2026-11-03T10:42:00' } };
    const unreachable = 'Cannot reach the backend at https://desk.example.com: check the URL and that the server is running.';
    fakeBackground({
      'tickets.byThreads': () => ({ tickets: {} }),
      'tickets.inTrash': () => null,
      'tickets.lookup': () => {
        throw new Refusal({ code: 'INTERNAL', message: unreachable });
      },
    });
    const wrapper = mount(TicketPanel, { global: { plugins: [pinia] } });
    await flushPromises();
    expect(wrapper.text()).toContain(`Could not check whether the mailbox already made this conversation a ticket: ${unreachable}`);
    // Creating stays possible: the agent knows it may make a duplicate.
    expect(createButton(wrapper).attributes('aria-disabled')).toBe('false');
  });

  it('says why in Japanese too', async () => {
    useLocale('ja');
    const { wrapper } = panel({ mailbox: null });
    await flushPromises();
    expect(descriptionOf(wrapper)).toContain('メールボックスのアドレスを読み取れませんでした');
  });
});
