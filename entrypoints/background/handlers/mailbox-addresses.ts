import { storage } from '#imports';
import { addressKey } from '../../../core/rules/address';
import type { RememberedMailboxes } from '../../../core/schemas/mailbox-address';
import type { Handlers } from '../router';

/** Lives only in the background's reach: content scripts and the options page ask through messages. */
const rememberedItem = storage.defineItem<RememberedMailboxes>('local:rememberedMailboxes', { fallback: {} });

export const mailboxAddressHandlers: Handlers<'mailboxAddresses.get' | 'mailboxAddresses.set'> = {
  'mailboxAddresses.get': () => rememberedItem.getValue(),
  'mailboxAddresses.set': async ({ account, address }) => {
    const { [account]: _previous, ...others } = await rememberedItem.getValue();
    const next = address === null ? others : { ...others, [account]: addressKey(address) };
    await rememberedItem.setValue(next);
    return next;
  },
};
