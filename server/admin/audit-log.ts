import { aliasedTable, and, arrayOverlaps, desc, eq, lt, or, sql } from 'drizzle-orm';
import { checkManagesSomeDepartment, managedDepartmentIds } from '../../core/rules/admin-scope';
import type { AuditAction, AuditEvent, AuditListQuery, AuditPage } from '../../core/schemas/audit';
import type { Db } from '../db/client';
import { agents, auditEvents } from '../db/schema';
import { enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';

export interface AuditEntry {
  /** Who made the change; null for the server itself or the command line. */
  actorId: number | null;
  action: AuditAction;
  agentId?: number | null;
  roleId?: number | null;
  tokenId?: number | null;
  /** The departments the change concerns: their admins see it. */
  departmentIds: readonly number[];
  details?: Record<string, unknown>;
}

/** Written in the caller's transaction, so a change and its entry commit (or roll back) together. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    agentId: entry.agentId ?? null,
    roleId: entry.roleId ?? null,
    tokenId: entry.tokenId ?? null,
    departmentIds: [...new Set(entry.departmentIds)],
    details: entry.details ?? {},
  });
}

const actors = aliasedTable(agents, 'actor');
const subjects = aliasedTable(agents, 'subject');

/**
 * R-PERM-1/5: each admin sees the changes that concern a department they manage, and those that
 * concern none (a role created empty, an agent who works nowhere yet).
 */
export async function listAudit(db: Db, auth: AuthContext, query: AuditListQuery): Promise<AuditPage> {
  enforce(checkManagesSomeDepartment(auth.access));
  const managed = managedDepartmentIds(auth.access);
  const rows = await db
    .select({ event: auditEvents, actorName: actors.name, agentName: subjects.name })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .leftJoin(subjects, eq(subjects.id, auditEvents.agentId))
    .where(
      and(
        or(sql`cardinality(${auditEvents.departmentIds}) = 0`, arrayOverlaps(auditEvents.departmentIds, managed)),
        query.before === undefined ? undefined : lt(auditEvents.id, query.before),
        query.agentId === undefined ? undefined : eq(auditEvents.agentId, query.agentId),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { items: page.map(toAuditEvent), nextBefore: rows.length > query.limit ? page.at(-1)!.event.id : null };
}

function toAuditEvent({ event, actorName, agentName }: { event: typeof auditEvents.$inferSelect; actorName: string | null; agentName: string | null }): AuditEvent {
  return {
    id: event.id,
    at: event.at.toISOString(),
    action: event.action as AuditAction,
    actorId: event.actorId,
    actorName,
    agentId: event.agentId,
    agentName,
    roleId: event.roleId,
    tokenId: event.tokenId,
    departmentIds: event.departmentIds,
    details: event.details,
  };
}
