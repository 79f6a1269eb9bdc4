import { defineContentScript } from '#imports';
import { startInbox } from '../../content/start';
import { createGmailAdapter } from '../../webmail/gmail/adapter';
import { GMAIL_MATCHES } from '../../webmail/matches';

export default defineContentScript({
  matches: GMAIL_MATCHES,
  cssInjectionMode: 'ui',
  main: (ctx) => startInbox(ctx, createGmailAdapter()),
});
