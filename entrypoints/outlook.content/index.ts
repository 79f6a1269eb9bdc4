import { defineContentScript } from '#imports';
import { startInbox } from '../../content/start';
import { createOutlookAdapter } from '../../webmail/outlook/adapter';
import { OUTLOOK_MATCHES } from '../../webmail/matches';

export default defineContentScript({
  matches: OUTLOOK_MATCHES,
  cssInjectionMode: 'ui',
  main: (ctx) => startInbox(ctx, createOutlookAdapter()),
});
