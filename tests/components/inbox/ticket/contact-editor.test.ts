import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ContactEditor from '../../../../components/inbox/ticket/ContactEditor.vue';
import type { Contact } from '../../../../core/schemas/contact';
import { fakeBackground, Refusal, type Answers } from '../../fake-background';
import { connectionStatus } from '../../session-fixture';
import { inboxPage } from '../inbox-fixture';
import { buttonNamed, reasonOf } from './work-buttons';
import { contactOf, ticketOf } from './work-fixture';

const mounted: { unmount(): void }[] = [];
afterEach(() => mounted.splice(0).forEach((w) => w.unmount()));

/** Issue 22, item 4: the ticket's contact is fixed from the panel, so R-REPLY-3's advice can be followed. */
function editor(contact: Contact, answers: Answers = {}, options: { canEdit?: boolean } = {}) {
  const { pinia, session } = inboxPage({});
  if (options.canEdit === false) session.status = connectionStatus([{ id: 1, name: 'Support', permissions: ['ticket.view'] }]);
  const received = fakeBackground(answers);
  // In the document, so pressing the form's submit button submits it as in the browser.
  const wrapper = mount(ContactEditor, { props: { ticket: ticketOf(), contact, busy: false }, global: { plugins: [pinia] }, attachTo: document.body });
  mounted.push(wrapper);
  return { wrapper, received };
}

const bob = contactOf({ id: 9, email: 'bob@customer.test', name: 'Bob Customer' });
const input = (wrapper: ReturnType<typeof editor>['wrapper'], type: string) => wrapper.get(`.contact-form input[type=${type}]`);

describe('the panel: the contact editor', () => {
  it('gives a contact without an address one, sending only what changed, and shows the saved contact', async () => {
    const { wrapper, received } = editor(contactOf({ email: null, name: 'Alice Customer', anonymous: true }), {
      'contacts.update': ({ id, changes }) => contactOf({ id, ...changes, email: changes.email!.toLowerCase(), anonymous: false }),
    });
    expect(wrapper.text()).toContain('Alice Customer <no e-mail address>');
    await buttonNamed(wrapper, 'Edit contact').trigger('click');
    await input(wrapper, 'email').setValue(' Alice@Customer.test ');
    await buttonNamed(wrapper, 'Save contact').trigger('click');
    expect(wrapper.get('[role=status]').text()).toBe('Saving…');
    await flushPromises();
    expect(received.filter((m) => m.type === 'contacts.update').map((m) => m.payload)).toEqual([{ id: 7, changes: { email: 'Alice@Customer.test' } }]);
    expect(wrapper.emitted('contact')![0]![0]).toMatchObject({ email: 'alice@customer.test' });
    expect(wrapper.get('[role=status]').text()).toBe('Contact saved.');
  });

  it('an address another contact has is refused naming it, and offers that contact for the ticket', async () => {
    const message = 'The address bob@customer.test already belongs to the contact "Bob Customer". Use that contact for the ticket instead, or choose another address.';
    const { wrapper } = editor(contactOf(), {
      'contacts.update': () => {
        throw new Refusal({ code: 'CONFLICT', message, details: { contactId: 9, contact: bob } });
      },
    });
    await buttonNamed(wrapper, 'Edit contact').trigger('click');
    await input(wrapper, 'email').setValue('BOB@customer.test');
    await buttonNamed(wrapper, 'Save contact').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role=status]').text()).toBe(message);
    await buttonNamed(wrapper, 'Use Bob Customer <bob@customer.test> for this ticket').trigger('click');
    expect(wrapper.emitted('update')).toEqual([[{ contactId: 9 }]]);
    expect(wrapper.get('[role=status]').text()).toBe('This ticket now belongs to Bob Customer <bob@customer.test>.');
  });

  it('without ticket.edit, Edit contact says which permission it needs', async () => {
    const { wrapper } = editor(contactOf(), {}, { canEdit: false });
    const edit = buttonNamed(wrapper, 'Edit contact');
    expect(reasonOf(wrapper, edit)).toBe('Editing the contact needs the permission ticket.edit in this department.');
    await edit.trigger('click');
    expect(wrapper.find('.contact-form').exists()).toBe(false);
  });
});
