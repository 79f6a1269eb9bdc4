import { ContactCreate, ContactListQuery, ContactPatch, IdParams, pageOf } from '../schemas/api';
import { Contact } from '../schemas/contact';
import { resource } from './contract';

export const contacts = resource('contacts', 'contacts', {
  list: { method: 'get', path: '/contacts', summary: 'Search contacts by name or address', query: ContactListQuery, response: pageOf(Contact) },
  get: { method: 'get', path: '/contacts/:id', summary: 'Get one contact', params: IdParams, response: Contact },
  create: { method: 'post', path: '/contacts', summary: 'Create a contact (the address must be new)', body: ContactCreate, response: Contact, status: 201 },
  update: {
    method: 'patch',
    path: '/contacts/:id',
    summary:
      "Edit a contact's name, address or account, or mark the sender spam / not spam (R-BULK-12), with ticket.edit in a department of the contact's tickets. An address another contact already has is 409 CONFLICT naming that contact (details.contact), to use it for the ticket instead",
    params: IdParams,
    body: ContactPatch,
    response: Contact,
  },
});
