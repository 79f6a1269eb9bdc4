import * as contracts from '../../core/contracts';
import { editContact } from '../contacts/contact-edit';
import { createContact, searchContacts, showContact } from '../contacts/contacts';
import type { Api } from '../http/route';

export function contactRoutes(api: Api) {
  api.add(contracts.contacts.list, ({ db, auth, query }) => searchContacts(db, auth, query));
  api.add(contracts.contacts.get, ({ db, auth, params }) => showContact(db, auth, params.id));
  api.add(contracts.contacts.create, ({ db, auth, body }) => createContact(db, auth, body));
  api.add(contracts.contacts.update, ({ db, auth, params, body }) => editContact(db, auth, params.id, body));
}
