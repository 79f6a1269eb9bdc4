import { DepartmentMail, DepartmentMailPatch } from '../schemas/admin';
import { DepartmentCreate, DepartmentPatch } from '../schemas/admin-people';
import { IdParams, itemsOf } from '../schemas/api';
import { Department, DepartmentFeaturesPatch } from '../schemas/department';
import { resource } from './contract';

export const departments = resource('departments', 'departments', {
  list: { method: 'get', path: '/departments', summary: 'Departments where you can view tickets', response: itemsOf(Department) },
  get: { method: 'get', path: '/departments/:id', summary: 'One department', params: IdParams, response: Department },
  create: {
    method: 'post',
    path: '/departments',
    summary: 'Create a department (admin role somewhere): default features and role permissions, and you as its admin',
    body: DepartmentCreate,
    response: Department,
    status: 201,
  },
  update: {
    method: 'patch',
    path: '/departments/:id',
    summary:
      'Rename a department or change its support addresses, which route incoming mail and so belong to one department each, or pick the blueprint every new ticket starts under (newTicketBlueprintId, one of its own; null: none; R-BULK-15) (settings.manage)',
    params: IdParams,
    body: DepartmentPatch,
    response: Department,
  },
  /** A department's own SMTP server and from-addresses; the password never leaves the server. */
  mail: { method: 'get', path: '/departments/:id/mail', summary: "Where the department's mail leaves from (settings.manage)", params: IdParams, response: DepartmentMail },
  setMail: {
    method: 'patch',
    path: '/departments/:id/mail',
    summary: "Set the department's own SMTP server (smtpUrl; null: the server's SMTP_URL) or from-addresses (settings.manage)",
    params: IdParams,
    body: DepartmentMailPatch,
    response: DepartmentMail,
  },
  /** Per-department switches (R-PERM-1): read receipts (R-RCPT-1) and secondary contacts with their options (R-CC-1, R-CC-6). */
  setFeatures: {
    method: 'patch',
    path: '/departments/:id/features',
    summary:
      'Turn read receipts, the help center, or secondary contacts (CC) and their options on or off for a department (settings.manage); CC needs the help center (R-CC-1); turning receipts off hides every receipt of the department, old ones too',
    params: IdParams,
    body: DepartmentFeaturesPatch,
    response: Department,
  },
});
