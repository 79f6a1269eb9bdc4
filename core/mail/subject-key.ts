/**
 * Reply and forward prefixes as mail clients write them, English, German (AW) and Japanese
 * Outlook/Gmail; the colon may be full-width in Japanese.
 */
const PREFIX = /^(?:re|fwd?|aw|返信|転送)\s*[:：]\s*/i;
/** The ticket number our own mail adds (core/mail/ticket-reference.ts), wherever the client kept it. */
const TICKET_TAG = /\[#\d{1,9}\]/g;

/**
 * A subject as two copies of one conversation compare: the webmail shows it with the prefixes a
 * client added and the mailbox may hold it without (or the reverse), so both are reduced to this key.
 */
export function subjectKey(subject: string): string {
  let rest = subject.replace(TICKET_TAG, ' ').replace(/\s+/g, ' ').trim();
  while (PREFIX.test(rest)) rest = rest.replace(PREFIX, '').trim();
  return rest.toLowerCase();
}
