import { defineContentScript } from '#imports';
import { startInbox } from '../../content/start';
import { rememberedMailboxes } from '../../stores/remembered-mailboxes';
import { createOutlookAdapter } from '../../webmail/outlook/adapter';
import { OUTLOOK_MATCHES } from '../../webmail/matches';

export default defineContentScript({
  matches: OUTLOOK_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Before the first read of the page: an address the agent set earlier is known from the start, never asked again.
    await rememberedMailboxes.load();
    await startInbox(ctx, createOutlookAdapter(document, { remembered: rememberedMailboxes.addressFor }));
  },
});
