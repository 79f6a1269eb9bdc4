import { AuditListQuery, AuditPage } from '../schemas/audit';
import { resource } from './contract';

/** The audit log of token and role changes, for admins (settings.manage), each seeing their departments' share. */
export const audit = resource('audit', 'audit', {
  list: {
    method: 'get',
    path: '/audit',
    summary: 'Token and role changes, newest first: who, when, what (settings.manage in a department the change concerns)',
    query: AuditListQuery,
    response: AuditPage,
  },
});
