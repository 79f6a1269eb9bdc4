import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { getVisibleTicket } from '../tickets/ticket-query';
import { agentSetsSecondaryContacts, secondaryContactsOf } from '../tickets/secondary-contacts-set';

export function secondaryContactRoutes(api: Api) {
  api.add(contracts.secondaryContacts.get, async ({ db, auth, params }) => secondaryContactsOf(db, await getVisibleTicket(db, auth.access, params.id)));
  api.add(contracts.secondaryContacts.set, ({ db, auth, params, body }) => agentSetsSecondaryContacts(db, auth, params.id, body));
}
