import { shallowRef } from 'vue';
import type { RememberedMailboxes } from '../core/schemas/mailbox-address';
import { send } from '../messaging/send';

/**
 * The mailbox addresses the agent set for accounts whose page does not show one, as one content
 * script knows them: loaded once before the page is read, changed by the panel's prompt. Plain
 * module state, not a Pinia store, because the adapter reads it before and outside any Pinia.
 */
const items = shallowRef<RememberedMailboxes>({});
/** The account the adapter last looked up: the one the prompt sets an address for. */
const account = shallowRef<string | null>(null);

export const rememberedMailboxes = {
  items,
  account,
  /** A failed load keeps none: the panel then asks, which is what it would do for a new account. */
  async load(): Promise<void> {
    items.value = await send('mailboxAddresses.get', {}).catch(() => ({}));
  },
  /** What the adapter asks while reading the page; records which account the page is. */
  addressFor(name: string): string | null {
    account.value = name;
    return items.value[name] ?? null;
  },
  /** Remembers the address for the page's account, here at once and in the background for the next visit. */
  async remember(address: string): Promise<string> {
    if (account.value === null) throw new Error('No webmail account has been read on this page yet.');
    items.value = await send('mailboxAddresses.set', { account: account.value, address });
    return items.value[account.value] ?? address;
  },
};
