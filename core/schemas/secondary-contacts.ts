import { z } from 'zod';
import { Email, HeaderText, Id } from './common';

/** R-CC-4: pick an existing contact, or type an address (it becomes a new contact). */
export const SecondaryContactRef = z.union([z.object({ id: Id }).strict(), z.object({ email: Email, name: HeaderText.max(200).optional() }).strict()]);
export type SecondaryContactRef = z.infer<typeof SecondaryContactRef>;

/** PUT /tickets/:id/secondary-contacts: the ticket's whole list after the change (R-CC-2: at most 20). */
export const SecondaryContactsPut = z
  .object({ version: z.number().int().nonnegative(), contacts: z.array(SecondaryContactRef).max(100) })
  .strict()
  .meta({ id: 'SecondaryContactsPut' });
export type SecondaryContactsPut = z.infer<typeof SecondaryContactsPut>;

export const SecondaryContactEntry = z.object({ id: Id, email: z.string().nullable(), name: z.string() });
export type SecondaryContactEntry = z.infer<typeof SecondaryContactEntry>;

/** A ticket's secondary contacts, and whether its department lets agents add any (R-CC-1). */
export const SecondaryContacts = z
  .object({
    ticketId: Id,
    /** The ticket's version, to send back with the next PUT. */
    version: z.number().int(),
    contacts: z.array(SecondaryContactEntry),
    /** Addresses copied on the ticket's mail that are not contacts (recorded from the conversation). */
    ccAddresses: z.array(z.string()),
    limit: z.number().int(),
    /** Null when CC is on in the department; otherwise why not, naming R-CC-1. */
    disabledReason: z.string().nullable(),
  })
  .meta({ id: 'SecondaryContacts' });
export type SecondaryContacts = z.infer<typeof SecondaryContacts>;
