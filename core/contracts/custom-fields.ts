import { IdParams, itemsOf, Removed } from '../schemas/api';
import { CustomFieldCreate, CustomFieldDefinition, CustomFieldPatch, FieldParams } from '../schemas/custom-field';
import { resource } from './contract';

/** A department's own ticket fields: tickets carry their values in `customFields` by the field's key. */
export const customFieldDefinitions = resource('customFields', 'departments', {
  list: {
    method: 'get',
    path: '/departments/:id/fields',
    summary: "The department's custom fields (ticket.view there)",
    params: IdParams,
    response: itemsOf(CustomFieldDefinition),
  },
  create: {
    method: 'post',
    path: '/departments/:id/fields',
    summary: 'Define a custom field: key, name, type (text, number, date, single choice with options), required to close (settings.manage)',
    params: IdParams,
    body: CustomFieldCreate,
    response: CustomFieldDefinition,
    status: 201,
  },
  update: {
    method: 'patch',
    path: '/departments/:id/fields/:fieldId',
    summary: 'Rename a custom field, change its options or whether it is required to close; key and type stay (settings.manage)',
    params: FieldParams,
    body: CustomFieldPatch,
    response: CustomFieldDefinition,
  },
  remove: {
    method: 'delete',
    path: '/departments/:id/fields/:fieldId',
    summary: "Delete a custom field and its values on the department's tickets (settings.manage)",
    params: FieldParams,
    response: Removed,
  },
});
