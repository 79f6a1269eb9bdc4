import * as contracts from '../../core/contracts';
import { checkPermission } from '../../core/rules/permissions';
import { enforce } from '../http/api-failure';
import type { Api } from '../http/route';
import { getVisibleTicket } from '../tickets/ticket-query';
import { secondaryContactsOf, setSecondaryContacts } from '../tickets/secondary-contacts-set';

/** The CC editor of the ticket panel (R-CC-1..4). */
export function secondaryContactRoutes(api: Api) {
  api.add(
    contracts.secondaryContacts.get,
    async ({ db, auth, params }) => secondaryContactsOf(db, await getVisibleTicket(db, auth.access, params.id)),
  );
  api.add(
    contracts.secondaryContacts.set,
    async ({ db, auth, params, body }) => {
      const ticket = await getVisibleTicket(db, auth.access, params.id, true);
      enforce(checkPermission(auth.access, 'ticket.edit', ticket.departmentId));
      return setSecondaryContacts(db, { ticket, version: body.version, contacts: body.contacts, by: { agentId: auth.agent.id } });
    },
  );
}
