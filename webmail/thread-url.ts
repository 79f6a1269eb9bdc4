import type { WebmailThread } from '../core/schemas/ticket';

/**
 * Addresses that open a ticket's conversation in its webmail: host knowledge, like the selectors.
 * Written 2026-12 from the addresses both webmails show in their address bar; not yet checked
 * against a live Outlook account (the Outlook form below is the least certain).
 */

/** Microsoft's consumer mail domains live on outlook.live.com; work and school accounts on outlook.office.com. */
const CONSUMER_OUTLOOK = /@(?:outlook|hotmail|live|msn|passport)\.(?:com|(?:co\.|com\.)?[a-z]{2})$/i;

/**
 * Gmail takes the signed-in address in place of the account index (/mail/u/<address>/), so the
 * right account opens however many are signed in; #all/<legacy thread id> finds the conversation
 * in whatever label it now sits (our key is the legacy hex id, see gmail/thread-id.ts).
 */
function gmailUrl({ mailbox, threadId }: WebmailThread): string {
  return `https://mail.google.com/mail/u/${encodeURIComponent(mailbox).replace('%40', '@')}/#all/${encodeURIComponent(threadId)}`;
}

/**
 * The Outlook adapter keys a conversation by its row's data-convid: an Exchange ConversationId
 * ("AAQk…", base64). Microsoft documents deep links by item id only (Graph's webLink,
 * /owa/?ItemID=…), which we do not have. Outlook's own address for an open conversation is
 * /mail/inbox/id/<ConversationId>, bound to the Inbox folder; its deep-link form
 * /mail/deeplink/readconv/<ConversationId> opens the same conversation from any folder (still
 * there after archiving), so that is the one we use. Base64 carries '+', '/' and '=': encoded.
 */
function outlookUrl({ mailbox, threadId }: WebmailThread): string {
  const base = CONSUMER_OUTLOOK.test(mailbox) ? 'https://outlook.live.com/mail/0' : 'https://outlook.office.com/mail';
  return `${base}/deeplink/readconv/${encodeURIComponent(threadId)}`;
}

/** Where a conversation opens in its webmail. */
export function threadUrl(thread: WebmailThread): string {
  return thread.provider === 'gmail' ? gmailUrl(thread) : outlookUrl(thread);
}
