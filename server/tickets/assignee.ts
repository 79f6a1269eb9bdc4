import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, teams } from '../db/schema';
import { ApiFailure } from '../http/api-failure';
import type { DepartmentRow } from '../db/rows';

const invalid = (path: string, message: string) => new ApiFailure(400, 'VALIDATION', message, undefined, { issues: [{ path, message }] });

/** A ticket can only be assigned to an agent or a team of its own department. */
export async function enforceAssignee(db: Db, department: DepartmentRow, change: { assigneeAgentId?: number | null | undefined; assigneeTeamId?: number | null | undefined }) {
  if (change.assigneeAgentId) {
    const [member] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.agentId, change.assigneeAgentId), eq(memberships.departmentId, department.id)));
    if (!member) {
      throw invalid('body.assigneeAgentId', `Agent ${change.assigneeAgentId} is not a member of department ${department.name}; pick an agent of that department.`);
    }
  }
  if (change.assigneeTeamId) {
    const [team] = await db.select().from(teams).where(eq(teams.id, change.assigneeTeamId));
    if (!team || team.departmentId !== department.id) {
      throw invalid('body.assigneeTeamId', `Team ${change.assigneeTeamId} is not a team of department ${department.name}; pick one of its teams.`);
    }
  }
}
