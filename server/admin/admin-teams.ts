import { and, asc, count, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { ineligibleMembers } from '../../core/rules/admin-scope';
import { checkPermission, departmentLabel } from '../../core/rules/permissions';
import type { Team } from '../../core/schemas/agent';
import type { Db } from '../db/client';
import { agents, departments, memberships, teamMembers, teams, tickets } from '../db/schema';
import { ApiFailure, conflict, enforce, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { readableDepartments } from '../http/department-scope';
import type { TeamRow } from '../db/rows';

async function loadTeams(db: Db, where: SQL | undefined): Promise<Team[]> {
  const rows = await db.select().from(teams).where(where).orderBy(asc(teams.departmentId), asc(teams.name), asc(teams.id));
  if (rows.length === 0) return [];
  const members = await db
    .select()
    .from(teamMembers)
    .where(
      inArray(
        teamMembers.teamId,
        rows.map((t) => t.id),
      ),
    )
    .orderBy(asc(teamMembers.agentId));
  return rows.map((t) => ({ ...t, memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.agentId) }));
}

/** Teams of the departments the caller can view (or of the one asked for), with their members. */
export async function listTeams(db: Db, auth: AuthContext, departmentId: number | undefined): Promise<Team[]> {
  const ids = readableDepartments(auth, departmentId);
  return ids.length === 0 ? [] : loadTeams(db, inArray(teams.departmentId, ids));
}

export async function loadTeam(db: Db, teamId: number): Promise<Team> {
  const [team] = await loadTeams(db, eq(teams.id, teamId));
  if (!team) throw notFound(`Team ${teamId}`);
  return team;
}

/** Loads a team for a write: 404 when missing, 403 without settings.manage in its department. */
export async function writableTeam(db: Db, auth: AuthContext, teamId: number): Promise<TeamRow> {
  const [row] = await db.select().from(teams).where(eq(teams.id, teamId)).for('update');
  if (!row) throw notFound(`Team ${teamId}`);
  enforce(checkPermission(auth.access, 'settings.manage', row.departmentId));
  return row;
}

/**
 * Names are unique per department, case-insensitively. Locking the department row makes two
 * concurrent writers of one name take turns, so the second sees the first.
 */
export async function refuseTakenTeamName(db: Db, auth: AuthContext, departmentId: number, name: string, exceptId = 0): Promise<void> {
  await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId)).for('no key update');
  const [taken] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.departmentId, departmentId), sql`lower(${teams.name}) = lower(${name})`, ne(teams.id, exceptId)));
  if (taken) throw conflict(`Department ${departmentLabel(auth.access, departmentId)} already has a team named "${name}"; pick another name.`, { teamId: taken.id });
}

/** A team's members work in its department: tickets assigned to the team are theirs to see. */
export async function refuseIneligibleMembers(db: Db, auth: AuthContext, departmentId: number, memberIds: readonly number[]): Promise<void> {
  if (memberIds.length === 0) return;
  const eligible = await db
    .select({ id: memberships.agentId })
    .from(memberships)
    .innerJoin(agents, eq(agents.id, memberships.agentId))
    .where(and(eq(memberships.departmentId, departmentId), eq(agents.active, true), inArray(memberships.agentId, [...memberIds])));
  const outsiders = ineligibleMembers(memberIds, new Set(eligible.map((e) => e.id)));
  if (outsiders.length === 0) return;
  const department = departmentLabel(auth.access, departmentId);
  const one = outsiders.length === 1;
  throw new ApiFailure(
    422,
    'VALIDATION',
    `A team holds active members of department ${department} only; agent${one ? '' : 's'} ${outsiders.join(', ')} ${one ? 'is' : 'are'} not. Give ${one ? 'that agent' : 'those agents'} a role in department ${department} first (or reactivate them), then add them to the team.`,
    undefined,
    { agentIds: outsiders },
  );
}

export async function replaceTeamMembers(db: Db, teamId: number, memberIds: readonly number[]): Promise<void> {
  await db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  const unique = [...new Set(memberIds)];
  if (unique.length > 0) await db.insert(teamMembers).values(unique.map((agentId) => ({ teamId, agentId })));
}

/**
 * Live tickets keep their team until someone reassigns them (409 with the count); trashed and
 * merged-away ones only lose the reference, so the team can go.
 */
export async function releaseTeamTickets(db: Db, team: TeamRow): Promise<void> {
  const assigned = eq(tickets.assigneeTeamId, team.id);
  const [live] = await db
    .select({ n: count() })
    .from(tickets)
    .where(and(assigned, isNull(tickets.trashedAt), isNull(tickets.mergedIntoId)));
  const n = Number(live?.n ?? 0);
  if (n > 0) {
    throw conflict(
      `Team "${team.name}" still has ${n} ticket${n === 1 ? '' : 's'} assigned. Reassign ${n === 1 ? 'it' : 'them'} to another team or agent first, then delete the team.`,
      { ticketCount: n },
    );
  }
  await db
    .update(tickets)
    .set({ assigneeTeamId: null, version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
    .where(and(assigned, or(isNotNull(tickets.trashedAt), isNotNull(tickets.mergedIntoId))));
}
