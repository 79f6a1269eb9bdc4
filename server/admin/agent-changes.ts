import { eq, sql } from 'drizzle-orm';
import { checkManagesSomeDepartment } from '../../core/rules/admin-scope';
import type { AdminAgent, AgentCreate, AgentPatch } from '../../core/schemas/admin-people';
import type { Db } from '../db/client';
import { agents } from '../db/schema';
import { conflict, enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { loadAdminAgent, manageableAgent } from './admin-agents';
import { revokeAgentTokens } from './api-tokens';
import { recordAudit } from './audit-log';
import { departmentsWithAdmins, lockDepartments, refuseLockOut, refuseLosingLastAdmin } from './lock-out';

const emailTaken = (email: string, agentId: number | undefined) =>
  conflict(
    agentId === undefined
      ? `An agent with the address ${email} already exists; give them a role in your department instead of adding them again.`
      : `Agent ${agentId} already has the address ${email}; give them a role in your department instead of adding them again.`,
    agentId === undefined ? undefined : { agentId },
  );

const agentWithEmail = async (db: Db, email: string) =>
  (
    await db
      .select({ id: agents.id })
      .from(agents)
      .where(sql`lower(${agents.email}) = ${email}`)
  )[0]?.id;

/** Addresses are kept lower-case (the token command looks them up that way) and unique. */
export async function createAgent(db: Db, auth: AuthContext, body: AgentCreate): Promise<AdminAgent> {
  enforce(checkManagesSomeDepartment(auth.access));
  const email = body.email.toLowerCase();
  const taken = await agentWithEmail(db, email);
  if (taken !== undefined) throw emailTaken(email, taken);
  const [row] = await db.insert(agents).values({ email, name: body.name }).onConflictDoNothing().returning();
  // A concurrent create of the same address got there first, and has committed by now.
  if (!row) throw emailTaken(email, await agentWithEmail(db, email));
  return loadAdminAgent(db, auth, row.id);
}

export async function updateAgent(db: Db, auth: AuthContext, agentId: number, patch: AgentPatch): Promise<AdminAgent> {
  const { agent, departmentIds } = await manageableAgent(db, auth, agentId);
  const deactivating = patch.active === false && agent.active;
  if (deactivating && agent.id === auth.agent.id) {
    throw conflict('You cannot deactivate yourself: your tokens would stop working at once. Ask another admin to do it.');
  }
  if (deactivating) await lockDepartments(db, departmentIds);
  const hadAdmins = deactivating ? await departmentsWithAdmins(db, departmentIds) : new Set<number>();
  await db.update(agents).set(patch).where(eq(agents.id, agent.id));
  if (deactivating) {
    await refuseLockOut(db, auth, departmentIds);
    await refuseLosingLastAdmin(db, auth, hadAdmins);
    // Revoked, not merely refused while inactive: reactivating the agent must not bring old tokens back.
    const revokedTokens = await revokeAgentTokens(db, auth.agent.id, agent.id, departmentIds);
    await recordAudit(db, { actorId: auth.agent.id, action: 'agent.deactivated', agentId: agent.id, departmentIds, details: { revokedTokens } });
  }
  if (patch.active === true && !agent.active) await recordAudit(db, { actorId: auth.agent.id, action: 'agent.reactivated', agentId: agent.id, departmentIds });
  return loadAdminAgent(db, auth, agent.id);
}
