import { z } from 'zod';
import { Id } from './common';

/** R-PERM-2: the permissions a role grants, per department. */
export const Permission = z.enum([
  'ticket.view',
  'ticket.edit',
  'ticket.send_email',
  'ticket.bulk_reply',
  'ticket.merge',
  'ticket.move',
  'ticket.delete',
  'ticket.mass_action',
  'settings.manage',
]);
export type Permission = z.infer<typeof Permission>;

export const RoleKind = z.enum(['admin', 'lead', 'agent', 'custom']);
export type RoleKind = z.infer<typeof RoleKind>;

export const DepartmentPermissions = z.object({
  departmentId: Id,
  permissions: z.array(Permission),
});
export type DepartmentPermissions = z.infer<typeof DepartmentPermissions>;

export const Role = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    kind: RoleKind,
    /** R-PERM-1/2: one permission set per department. */
    departments: z.array(DepartmentPermissions),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

/** Which role an agent holds in one department. */
export const Membership = z.object({
  agentId: Id,
  departmentId: Id,
  roleId: Id,
});
export type Membership = z.infer<typeof Membership>;
