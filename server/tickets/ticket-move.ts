import { and, count, eq } from 'drizzle-orm';
import { checkMove } from '../../core/rules/bulk-limits';
import type { TicketPatch } from '../../core/schemas/api';
import type { Db } from '../db/client';
import { departments, memberships, teams } from '../db/schema';
import { enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import type { DepartmentRow, TicketRow } from '../db/rows';

type MoveChanges = Partial<Pick<TicketRow, 'blueprintId' | 'assigneeAgentId' | 'assigneeTeamId'>>;

/**
 * R-BULK-3 for one ticket, and what a move takes with it: the assignee and team stay only if they
 * belong to the new department (unless the same change picks new ones), and the old department's
 * blueprint no longer applies.
 */
export async function planMove(db: Db, auth: AuthContext, row: TicketRow, patch: TicketPatch): Promise<{ target: DepartmentRow; changes: MoveChanges } | null> {
  if (patch.departmentId === undefined || patch.departmentId === row.departmentId) return null;
  const [{ n }] = (await db.select({ n: count() }).from(departments)) as [{ n: number }];
  enforce(checkMove({ departmentCount: Number(n), sourceDepartmentId: row.departmentId, targetDepartmentId: patch.departmentId, access: auth.access }));
  const [target] = await db.select().from(departments).where(eq(departments.id, patch.departmentId));
  if (!target) throw notFound(`Department ${patch.departmentId}`);
  const changes: MoveChanges = { blueprintId: null };
  if (patch.assigneeAgentId === undefined && row.assigneeAgentId !== null) {
    const [member] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.agentId, row.assigneeAgentId), eq(memberships.departmentId, target.id)));
    if (!member) changes.assigneeAgentId = null;
  }
  if (patch.assigneeTeamId === undefined && row.assigneeTeamId !== null) {
    const [team] = await db.select().from(teams).where(eq(teams.id, row.assigneeTeamId));
    if (team?.departmentId !== target.id) changes.assigneeTeamId = null;
  }
  return { target, changes };
}
