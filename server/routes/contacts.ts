import { ContactCreate, ContactListQuery, IdParams, pageOf } from '../../core/schemas/api';
import { Contact } from '../../core/schemas/contact';
import { createContact, searchContacts, showContact } from '../contacts/contacts';
import type { Api } from '../http/route';

const tag = 'contacts';

export function contactRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/contacts', tag, summary: 'Search contacts by name or address', query: ContactListQuery, response: pageOf(Contact) },
    ({ db, auth, query }) => searchContacts(db, auth, query),
  );
  api.add(
    { method: 'get', path: '/contacts/:id', tag, summary: 'Get one contact', params: IdParams, response: Contact },
    ({ db, auth, params }) => showContact(db, auth, params.id),
  );
  api.add(
    { method: 'post', path: '/contacts', tag, summary: 'Create a contact (the address must be new)', body: ContactCreate, response: Contact, status: 201 },
    ({ db, auth, body }) => createContact(db, auth, body),
  );
}
