import { IdParams } from '../../core/schemas/api';
import { SecondaryContacts, SecondaryContactsPut } from '../../core/schemas/secondary-contacts';
import type { Api } from '../http/route';
import { getVisibleTicket } from '../tickets/ticket-query';
import { agentSetsSecondaryContacts, secondaryContactsOf } from '../tickets/secondary-contacts-set';

/** The CC editor of the ticket panel (R-CC-1..4). */
export function secondaryContactRoutes(api: Api) {
  const tag = 'secondary contacts';
  api.add(
    {
      method: 'get',
      path: '/tickets/:id/secondary-contacts',
      tag,
      summary: "The ticket's secondary contacts (CC) with names and addresses, its CC addresses, the limit (R-CC-2), and why CC is off in its department if it is (R-CC-1)",
      params: IdParams,
      response: SecondaryContacts,
    },
    async ({ db, auth, params }) => secondaryContactsOf(db, await getVisibleTicket(db, auth.access, params.id)),
  );
  api.add(
    {
      method: 'put',
      path: '/tickets/:id/secondary-contacts',
      tag,
      summary:
        "Replace the ticket's secondary contacts with the list sent: existing contacts by id, typed addresses become new contacts (R-CC-4); at most 20 (R-CC-2); refused addresses are named with their reason (R-CC-3); each contact added is notified (R-CC-5)",
      params: IdParams,
      body: SecondaryContactsPut,
      response: SecondaryContacts,
    },
    ({ db, auth, params, body }) => agentSetsSecondaryContacts(db, auth, params.id, body),
  );
}
