import { z } from 'zod';
import { Email } from './common';

/**
 * Which webmail account a remembered address belongs to, as its page names it without an address
 * ("outlook:Acme Support": the provider and the display name the page shows).
 */
export const MailboxAccount = z.string().trim().min(1).max(300);

/** The addresses agents gave for accounts whose page does not show one (issue 19, item 10); kept in this browser only. */
export const RememberedMailboxes = z.record(MailboxAccount, Email);
export type RememberedMailboxes = z.infer<typeof RememberedMailboxes>;

/** Set (an address) or forget (null) the address of one account. */
export const RememberMailbox = z.object({ account: MailboxAccount, address: Email.nullable() }).strict();
