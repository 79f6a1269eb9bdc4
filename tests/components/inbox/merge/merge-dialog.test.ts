import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import MergeDialog from '../../../../components/inbox/merge/MergeDialog.vue';
import { fieldOptions } from '../../../../core/merge-plan';
import { defaultPrimary, mergedFields } from '../../../../core/rules/merge-rules';
import type { Contact } from '../../../../core/schemas/contact';
import type { MergePreview } from '../../../../core/schemas/merge';
import type { Ticket } from '../../../../core/schemas/ticket';
import { makeTicket } from '../../../core/rules/fixtures';
import { connectionStatus, fakeAdminBackground, withPinia } from '../../session-fixture';
import { useLocale } from '../../setup';

const contact = (id: number, name: string, email: string): Contact => ({
  id,
  name,
  email,
  account: null,
  deleted: false,
  spam: false,
  anonymous: false,
  createdAt: '2025-01-01T00:00:00Z',
});
const alice = contact(500, 'Alice', 'alice@customer.test');
const bob = contact(501, 'Bob', 'bob@customer.test');

/** The backend's preview, made with core's own functions as server/merge/merge-preview.ts makes it. */
function previewOf(tickets: Ticket[], contacts: Contact[]): MergePreview {
  const primaryId = defaultPrimary(tickets);
  return {
    tickets,
    defaultPrimaryId: primaryId,
    primaryId,
    fields: fieldOptions(tickets, primaryId),
    merged: mergedFields(tickets, primaryId, {}),
    timeline: [],
    contacts,
    violations: [],
  };
}

const closedOld = makeTicket({ id: 1, number: 1154, createdAt: '2025-01-01T00:00:00Z', status: 'closed', priority: 'low', subject: 'Router dead' });
const onHold = makeTicket({ id: 2, number: 1260, createdAt: '2025-03-01T00:00:00Z', status: 'on_hold', priority: 'high', subject: 'Router still dead' });

let current: ReturnType<typeof mount> | null = null;
afterEach(() => current?.unmount());

async function open(tickets: Ticket[], contacts: Contact[]) {
  fakeAdminBackground(connectionStatus([{ id: 10, permissions: ['ticket.view', 'ticket.merge'] }]), {}, { 'merge.preview': () => previewOf(tickets, contacts) });
  current = mount(MergeDialog, { props: { ticketIds: tickets.map((t) => t.id) }, ...withPinia(), attachTo: document.body });
  await flushPromises();
  return current;
}

describe('MergeDialog: the most useful defaults, and a warning when contacts differ (R-MERGE-4/9/10)', () => {
  it("merging the customer's on-hold request with an older closed one keeps it on hold and high", async () => {
    const wrapper = await open([closedOld, onHold], [alice]);
    const merged = wrapper.get('.merge-result').text();
    expect(merged).toContain('#1154');
    expect(merged).toContain('On hold');
    expect(merged).toContain('High');
    expect(merged).toContain('Router still dead');
    expect(merged).not.toContain('Closed');
    expect(wrapper.find('.contacts-differ').exists()).toBe(false);
  });

  it('warns, naming both contacts, when the tickets belong to different contacts', async () => {
    const wrapper = await open([closedOld, makeTicket({ ...onHold, contactId: bob.id })], [alice, bob]);
    expect(wrapper.get('.contacts-differ').text()).toBe(
      'These tickets are from different contacts (Alice <alice@customer.test>, Bob <bob@customer.test>). The merged ticket keeps one contact, who will see the public messages and public comments of all of them in the help center.',
    );
  });

  it('warns in Japanese too', async () => {
    useLocale('ja');
    const wrapper = await open([closedOld, makeTicket({ ...onHold, contactId: bob.id })], [alice, bob]);
    expect(wrapper.get('.contacts-differ').text()).toContain('これらの問い合わせの連絡先は異なります(Alice <alice@customer.test>, Bob <bob@customer.test>)');
    expect(wrapper.get('h3').text()).toBe('問い合わせ 2件を統合する');
  });
});
