import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import BulkBar from '../../../../components/inbox/bulk/BulkBar.vue';
import { missingTickets } from '../../../../components/inbox/bulk/create-missing';
import type { TicketCreate } from '../../../../core/schemas/api';
import type { SelectedRow } from '../../../../stores/page';
import { fakeBackground } from '../../fake-background';
import { heldAnswer } from '../../session-fixture';
import { useLocale } from '../../setup';
import { inboxPage, summary } from '../inbox-fixture';

const row = (threadId: string, email: string | null): SelectedRow => ({ threadId, subject: `About ${threadId}`, sender: { name: 'Someone', email } });
type Wrapper = ReturnType<typeof mount>;
const button = (wrapper: Wrapper, name: string) => wrapper.findAll('button').find((b) => b.text() === name)!;
const reasonOf = (wrapper: Wrapper, name: string) => {
  const id = button(wrapper, name).attributes('aria-describedby');
  return id ? wrapper.get(`#${id}`).text() : null;
};

function bar(options: { mailbox?: string | null; connected?: boolean; rows?: SelectedRow[]; tickets?: number }) {
  const { pinia, page } = inboxPage(options);
  const rows = options.rows ?? [];
  const tickets = Array.from({ length: options.tickets ?? 0 }, (_, i) => summary(i + 1));
  page.selectedWithoutTicket = rows;
  page.selectedTickets = tickets;
  page.selectedThreadIds = [...rows.map((r) => r.threadId), ...tickets.map((t) => `t${t.id}`)];
  const preview = heldAnswer<never>();
  const received = fakeBackground({
    'views.list': () => ({ items: [] }),
    'tickets.create': (draft) => ({ outboxId: draft.subject, ticket: null }),
    'sync.now': () => ({ changed: 0 }) as never,
    'jobs.preview': () => preview.promise,
  });
  return { wrapper: mount(BulkBar, { global: { plugins: [pinia] } }), received, preview };
}

describe('missingTickets', () => {
  it('drafts a ticket for every row with a sender address and reports the rest instead of dropping them', () => {
    const plan = missingTickets([row('a', 'ann@x.test'), row('b', null)], { provider: 'gmail', mailbox: 'support@acme.test', departmentId: 1 });
    expect(plan.drafts.map((d) => d.webmailThread?.threadId)).toEqual(['a']);
    expect(plan.skipped.map((r) => r.threadId)).toEqual(['b']);
  });
});

describe('BulkBar: every button does something visible or says why it cannot', () => {
  it('"Create N tickets" without the mailbox address is disabled with the reason, and sends nothing', async () => {
    const { wrapper, received } = bar({ mailbox: null, rows: [row('a', 'ann@x.test')] });
    await flushPromises();
    expect(reasonOf(wrapper, 'Create 1 ticket')).toContain("could not read this mailbox's address");
    await button(wrapper, 'Create 1 ticket').trigger('click');
    await flushPromises();
    expect(received.map((m) => m.type)).not.toContain('tickets.create');
    expect(wrapper.get('.disabled-reason').classes()).toContain('shown');
  });

  it('"Create N tickets" while not connected says to connect first', async () => {
    const { wrapper } = bar({ connected: false, rows: [row('a', 'ann@x.test')] });
    await flushPromises();
    expect(reasonOf(wrapper, 'Create 1 ticket')).toBe('Inbox Desk is not connected. Open the extension options to set the backend URL and API token.');
  });

  it('"Create N tickets" says what it made, what waits, and which rows it skipped for want of a sender', async () => {
    const { wrapper, received } = bar({ rows: [row('a', 'ann@x.test'), row('b', null)] });
    await flushPromises();
    await button(wrapper, 'Create 2 tickets').trigger('click');
    expect(wrapper.get('[role=status]').text()).toBe('Creating 2 tickets…');
    await flushPromises();
    expect(wrapper.get('[role=status]').text()).toBe(
      '1 ticket is saved on this computer and will be created when the server is reachable again. 1 conversation was skipped: the page shows no sender address for it (open it once, then try again).',
    );
    expect(received.filter((m) => m.type === 'tickets.create').map((m) => (m.payload as TicketCreate).webmailThread?.threadId)).toEqual(['a']);
  });

  it('Assign with no agent to pick says so instead of asking to pick one from a list that is not there', async () => {
    const { wrapper } = bar({ tickets: 2 });
    await flushPromises();
    expect(reasonOf(wrapper, 'Assign')).toBe('No agent works in this department yet, so there is no one to assign; an admin adds agents on the options page.');
    expect(reasonOf(wrapper, 'Close')).toBeNull();
  });

  it('an operation shows "Checking…" at once, before the backend answers', async () => {
    const { wrapper, received } = bar({ tickets: 2 });
    await flushPromises();
    await button(wrapper, 'Close').trigger('click');
    expect(wrapper.get('[role=status]').text()).toBe('Checking…');
    expect(received.map((m) => m.type)).toContain('jobs.preview');
  });

  it('speaks Japanese', async () => {
    useLocale('ja');
    const { wrapper } = bar({ rows: [row('b', null)] });
    await flushPromises();
    expect(reasonOf(wrapper, '問い合わせを1件作成')).toContain('送信者のメールアドレスがページに表示されていません');
  });
});
