import type { JobMode, Operation } from '../schemas/job';
import type { Permission } from '../schemas/role';
import { checkBulkReplySendsEmail, checkPermission, mailPermissions, type AgentAccess } from './permissions';
import { allOf, OK, type Verdict } from './verdict';

/** R-PERM-2: the permission each operation needs in every department it touches. */
export const OPERATION_PERMISSION: Readonly<Record<Operation, Permission>> = {
  assign: 'ticket.edit',
  update_field: 'ticket.edit',
  reply: 'ticket.bulk_reply',
  comment: 'ticket.edit',
  merge: 'ticket.merge',
  close: 'ticket.edit',
  delete: 'ticket.delete',
  move: 'ticket.move',
  spam: 'ticket.edit',
  macro: 'ticket.edit',
  remove_blueprint: 'ticket.edit',
  update_resolution: 'ticket.edit',
};

/**
 * R-PERM-5 for a job: the operation's permission, ticket.mass_action for a mass job, and
 * ticket.send_email for one that sends mail (a bulk reply, a macro with a reply step), in each department.
 */
export function checkJobPermissions(access: AgentAccess, operation: Operation, mode: JobMode, departmentIds: number[], sendsMail = operation === 'reply'): Verdict {
  const mail = sendsMail ? mailPermissions(operation === 'reply') : [];
  const needed: Permission[] = [...new Set([...mail, OPERATION_PERMISSION[operation], ...(mode === 'mass' ? (['ticket.mass_action'] as const) : [])])];
  if (departmentIds.length === 0) return OK;
  const bulkReply = operation === 'reply' ? departmentIds.map((d) => checkBulkReplySendsEmail(access, d)) : [];
  return allOf(...bulkReply, ...departmentIds.flatMap((d) => needed.map((p) => checkPermission(access, p, d))));
}
