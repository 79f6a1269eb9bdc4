import { senderKey } from '../core/rules/address';
import type { MessageReceipt } from '../core/schemas/receipt';

/** What matching needs of a message on the page. */
export interface PageMessage {
  fromEmail: string | null;
  date: string | null;
}

/** A sent copy shows in the mailbox within minutes of leaving; further apart it is another message. */
const SAME_MESSAGE_WITHIN_MS = 15 * 60_000;

/**
 * Which message on the page is which message the product sent. The page carries no RFC Message-ID
 * (Outlook never, Gmail only its own ids), so a message is ours when it comes from the address we
 * sent from and, where the page's date can be read, at the time we sent it (nearest first);
 * where it cannot (a locale Date cannot parse), sent messages pair with that address's page
 * messages in order, newest last. Answers one entry per page message: its receipt or null.
 */
export function matchSentMessages(page: PageMessage[], sent: MessageReceipt[]): (MessageReceipt | null)[] {
  const matched: (MessageReceipt | null)[] = page.map(() => null);
  const byTime = [...sent].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  let cursor = 0;
  for (const receipt of byTime) {
    const from = senderKey(receipt.from);
    const candidates = page
      .map((message, index) => ({ index, email: message.fromEmail?.toLowerCase() ?? null, at: message.date ? Date.parse(message.date) : NaN }))
      .filter((c) => c.email === from && matched[c.index] === null);
    const timed = candidates
      .filter((c) => !Number.isNaN(c.at) && Math.abs(c.at - Date.parse(receipt.sentAt)) <= SAME_MESSAGE_WITHIN_MS)
      .sort((a, b) => Math.abs(a.at - Date.parse(receipt.sentAt)) - Math.abs(b.at - Date.parse(receipt.sentAt)));
    const untimed = candidates.filter((c) => Number.isNaN(c.at) && c.index >= cursor);
    const pick = timed[0] ?? untimed[0];
    if (!pick) continue;
    matched[pick.index] = receipt;
    cursor = pick.index + 1;
  }
  return matched;
}
