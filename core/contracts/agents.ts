import { AdminAgent, AgentCreate, AgentPatch, MembershipPut } from '../schemas/admin-people';
import { IdInDepartmentParams, IdParams, itemsOf } from '../schemas/api';
import { resource } from './contract';

/** Agents and their roles per department, as admins manage them. */
export const agents = resource('agents', 'agents', {
  list: {
    method: 'get',
    path: '/agents',
    summary: 'Every agent, with roles and teams in the departments you manage (settings.manage somewhere)',
    response: itemsOf(AdminAgent),
  },
  create: { method: 'post', path: '/agents', summary: 'Add an agent (unique address); give them a role per department next', body: AgentCreate, response: AdminAgent, status: 201 },
  update: {
    method: 'patch',
    path: '/agents/:id',
    summary: "Rename or (de)activate an agent (settings.manage in every department they work in); a deactivated agent's tokens stop working",
    params: IdParams,
    body: AgentPatch,
    response: AdminAgent,
  },
  setRole: {
    method: 'put',
    path: '/agents/:id/departments/:departmentId',
    summary:
      "Set an agent's role in one department (settings.manage there; a role granting only what you hold there, the admin role only as an admin there, R-PERM-3/5), or take them out of it with roleId null",
    params: IdInDepartmentParams,
    body: MembershipPut,
    response: AdminAgent,
  },
});
