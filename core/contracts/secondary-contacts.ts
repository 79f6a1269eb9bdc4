import { IdParams } from '../schemas/api';
import { SecondaryContacts, SecondaryContactsPut } from '../schemas/secondary-contacts';
import { resource } from './contract';

/** The CC editor of the ticket panel (R-CC-1..4). */
export const secondaryContacts = resource('secondaryContacts', 'secondary contacts', {
  get: {
    method: 'get',
    path: '/tickets/:id/secondary-contacts',
    summary: "The ticket's secondary contacts (CC) with names and addresses, its CC addresses, the limit (R-CC-2), and why CC is off in its department if it is (R-CC-1)",
    params: IdParams,
    response: SecondaryContacts,
  },
  set: {
    method: 'put',
    path: '/tickets/:id/secondary-contacts',
    summary:
      "Replace the ticket's secondary contacts with the list sent: existing contacts by id, typed addresses become new contacts (R-CC-4); at most 20 (R-CC-2); refused addresses are named with their reason (R-CC-3); each contact added is notified (R-CC-5)",
    params: IdParams,
    body: SecondaryContactsPut,
    response: SecondaryContacts,
  },
});
