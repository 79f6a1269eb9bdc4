import * as contracts from '../../core/contracts';
import { listAdminAgents } from '../admin/admin-agents';
import { createAgent, updateAgent } from '../admin/agent-changes';
import { setMembership } from '../admin/agent-membership';
import type { Api } from '../http/route';

export function agentRoutes(api: Api) {
  api.add(contracts.agents.list, async ({ db, auth }) => ({ items: await listAdminAgents(db, auth) }));
  api.add(contracts.agents.create, ({ db, auth, body }) => createAgent(db, auth, body));
  api.add(contracts.agents.update, ({ db, auth, params, body }) => updateAgent(db, auth, params.id, body));
  api.add(contracts.agents.setRole, ({ db, auth, params, body }) => setMembership(db, auth, params.id, params.departmentId, body));
}
