import { z } from 'zod';
import { AdminAgent, AgentCreate, AgentPatch, MembershipPut } from '../../core/schemas/admin-people';
import { IdParams } from '../../core/schemas/api';
import { IdParam } from '../../core/schemas/common';
import { listAdminAgents } from '../admin/admin-agents';
import { createAgent, updateAgent } from '../admin/agent-changes';
import { setMembership } from '../admin/agent-membership';
import type { Api } from '../http/route';

const tag = 'agents';
const MembershipParams = z.object({ id: IdParam, departmentId: IdParam });

/** Agents and their roles per department, as admins manage them. */
export function agentRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/agents', tag, summary: 'Every agent, with roles and teams in the departments you manage (settings.manage somewhere)', response: z.object({ items: z.array(AdminAgent) }) },
    async ({ db, auth }) => ({ items: await listAdminAgents(db, auth) }),
  );
  api.add(
    { method: 'post', path: '/agents', tag, summary: 'Add an agent (unique address); give them a role per department next', body: AgentCreate, response: AdminAgent, status: 201 },
    ({ db, auth, body }) => createAgent(db, auth, body),
  );
  api.add(
    {
      method: 'patch',
      path: '/agents/:id',
      tag,
      summary: "Rename or (de)activate an agent (settings.manage in every department they work in); a deactivated agent's tokens stop working",
      params: IdParams,
      body: AgentPatch,
      response: AdminAgent,
    },
    ({ db, auth, params, body }) => updateAgent(db, auth, params.id, body),
  );
  api.add(
    {
      method: 'put',
      path: '/agents/:id/departments/:departmentId',
      tag,
      summary: "Set an agent's role in one department (settings.manage there; a role granting only what you hold there, the admin role only as an admin there, R-PERM-3/5), or take them out of it with roleId null",
      params: MembershipParams,
      body: MembershipPut,
      response: AdminAgent,
    },
    ({ db, auth, params, body }) => setMembership(db, auth, params.id, params.departmentId, body),
  );
}
