import { ContactCreate, ContactListQuery, IdParams, pageOf } from '../schemas/api';
import { Contact } from '../schemas/contact';
import { resource } from './contract';

export const contacts = resource('contacts', 'contacts', {
  list: { method: 'get', path: '/contacts', summary: 'Search contacts by name or address', query: ContactListQuery, response: pageOf(Contact) },
  get: { method: 'get', path: '/contacts/:id', summary: 'Get one contact', params: IdParams, response: Contact },
  create: { method: 'post', path: '/contacts', summary: 'Create a contact (the address must be new)', body: ContactCreate, response: Contact, status: 201 },
});
