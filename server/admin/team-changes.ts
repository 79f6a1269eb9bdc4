import { eq } from 'drizzle-orm';
import { checkPermission } from '../../core/rules/permissions';
import type { Team, TeamCreate, TeamPatch } from '../../core/schemas/admin-people';
import type { Db } from '../db/client';
import { teams } from '../db/schema';
import { enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { loadTeam, refuseIneligibleMembers, refuseTakenTeamName, releaseTeamTickets, replaceTeamMembers, writableTeam } from './admin-teams';
import { lockDepartments } from './lock-out';
import { removed } from './removed';

export async function createTeam(db: Db, auth: AuthContext, body: TeamCreate): Promise<Team> {
  enforce(checkPermission(auth.access, 'settings.manage', body.departmentId));
  await refuseTakenTeamName(db, auth, body.departmentId, body.name);
  await refuseIneligibleMembers(db, auth, body.departmentId, body.memberIds);
  const [row] = await db.insert(teams).values({ departmentId: body.departmentId, name: body.name }).returning();
  await replaceTeamMembers(db, row!.id, body.memberIds);
  return loadTeam(db, row!.id);
}

export async function updateTeam(db: Db, auth: AuthContext, teamId: number, patch: TeamPatch): Promise<Team> {
  const row = await writableTeam(db, auth, teamId);
  if (patch.name !== undefined) {
    await refuseTakenTeamName(db, auth, row.departmentId, patch.name, row.id);
    await db.update(teams).set({ name: patch.name }).where(eq(teams.id, row.id));
  }
  if (patch.memberIds !== undefined) {
    // Taking an agent out of the department locks its row too: whichever runs second sees the other's change.
    await lockDepartments(db, [row.departmentId]);
    await refuseIneligibleMembers(db, auth, row.departmentId, patch.memberIds);
    await replaceTeamMembers(db, row.id, patch.memberIds);
  }
  return loadTeam(db, row.id);
}

export async function removeTeam(db: Db, auth: AuthContext, teamId: number) {
  const row = await writableTeam(db, auth, teamId);
  await releaseTeamTickets(db, row);
  await db.delete(teams).where(eq(teams.id, row.id));
  return removed(row.id);
}
