import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import MailboxAddressPrompt from '../../../../components/inbox/ticket/MailboxAddressPrompt.vue';
import MailboxAddresses from '../../../../components/admin/preferences/MailboxAddresses.vue';
import type { RememberedMailboxes } from '../../../../core/schemas/mailbox-address';
import { usePageStore } from '../../../../stores/page';
import { rememberedMailboxes } from '../../../../stores/remembered-mailboxes';
import { fakeBackground } from '../../fake-background';
import { withPinia } from '../../session-fixture';

/** The background's remembered addresses, as the real handler keeps them. */
function rememberingBackground(initial: RememberedMailboxes = {}) {
  let stored = { ...initial };
  const received = fakeBackground({
    'mailboxAddresses.get': () => stored,
    'mailboxAddresses.set': ({ account, address }) => {
      const { [account]: _gone, ...others } = stored;
      stored = address === null ? others : { ...others, [account]: address.toLowerCase() };
      return stored;
    },
  });
  return { received, stored: () => stored };
}

describe('MailboxAddressPrompt (issue 19, item 10)', () => {
  it("says why tickets cannot be made, refuses a non-address, and remembers the address for the page's account", async () => {
    const background = rememberingBackground();
    const plugins = withPinia();
    await rememberedMailboxes.load();
    expect(rememberedMailboxes.addressFor('outlook:Acme Support')).toBeNull();
    const wrapper = mount(MailboxAddressPrompt, plugins);
    expect(wrapper.get('[role=status]').text()).toBe("Inbox Desk could not read this mailbox's address — set it");

    await wrapper.get('input').setValue('Acme Support');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toContain("Enter the mailbox's e-mail address");
    expect(background.received.filter((m) => m.type === 'mailboxAddresses.set')).toEqual([]);

    await wrapper.get('input').setValue('Support@Acme.test');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(background.stored()).toEqual({ 'outlook:Acme Support': 'support@acme.test' });
    expect(usePageStore().mailbox).toBe('support@acme.test');
    expect(rememberedMailboxes.addressFor('outlook:Acme Support')).toBe('support@acme.test');
    wrapper.unmount();
  });
});

describe('MailboxAddresses on the options page', () => {
  it('lists each remembered account, changes and forgets its address', async () => {
    const background = rememberingBackground({ 'outlook:Acme Support': 'support@acme.test' });
    const wrapper = mount(MailboxAddresses, withPinia());
    await flushPromises();
    expect(wrapper.get('label').text()).toBe('Account: Acme Support');
    await wrapper.get('input').setValue('help@acme.test');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(background.stored()).toEqual({ 'outlook:Acme Support': 'help@acme.test' });
    expect(wrapper.get('[role=status]').text()).toBe('Address saved.');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Forget')!
      .trigger('click');
    await flushPromises();
    expect(background.stored()).toEqual({});
    expect(wrapper.text()).toContain('No address set yet.');
    wrapper.unmount();
  });
});
