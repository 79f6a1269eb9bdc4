import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { normalizePermissions, type AgentAccess } from '../../core/rules/permissions';
import type { Permission } from '../../core/schemas/role';
import type { Db } from '../db/client';
import { agents, apiTokens, departments, memberships, rolePermissions, roles } from '../db/schema';
import { ApiFailure } from './api-failure';
import type { AppEnv, AuthContext } from './app-env';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 256 random bits, URL-safe; only its hash is stored. */
export const newToken = () => `idk_${randomBytes(32).toString('base64url')}`;

const unauthorized = (message: string) => new ApiFailure(401, 'UNAUTHORIZED', message);

/** The token of an `Authorization: Bearer <token>` header, if it has that form. */
export const bearerToken = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/** The agent whose token the header carries; 401 without one. */
export async function agentOf(db: Db, header: string | undefined): Promise<AuthContext> {
  const token = bearerToken(header);
  if (!token) throw unauthorized('Send an API token as "Authorization: Bearer <token>". Create one with: npm run server -- token <agent-email>.');
  const auth = await authenticate(db, token);
  if (auth === 'expired') throw unauthorized('This API token has expired. Ask an admin for a new one, or create one with: npm run server -- token <agent-email>.');
  if (!auth) throw unauthorized('This API token is unknown or revoked. Create a new one with: npm run server -- token <agent-email>.');
  return auth;
}

export function requireAgent(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('auth', await agentOf(db, c.req.header('Authorization')));
    await next();
  };
}

/**
 * Nothing about a token or its agent is cached: a revocation, a deactivation or a changed role
 * takes effect on the very next request.
 */
async function authenticate(db: Db, token: string): Promise<AuthContext | 'expired' | null> {
  const [row] = await db
    .select({ agent: agents, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.agentId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), eq(agents.active, true)));
  if (!row) return null;
  // Only a token that would otherwise work says it expired: an unknown or revoked one learns nothing more.
  if (row.expiresAt !== null && row.expiresAt.getTime() <= Date.now()) return 'expired';
  if (!(await noteUse(db, row.tokenId, row.lastUsedAt))) return null;
  const { createdAt: _created, ...agent } = row.agent;
  return { agent, ...(await loadAccess(db, agent.id)) };
}

/** Minutes are precise enough to tell a used token from a forgotten one, and spare a write per request. */
const LAST_USED_PRECISION_MS = 60_000;

/** False when the token was revoked since it was read: the stamp waits for the revoking write and then finds no row. */
async function noteUse(db: Db, tokenId: number, lastUsedAt: Date | null): Promise<boolean> {
  if (lastUsedAt !== null && Date.now() - lastUsedAt.getTime() < LAST_USED_PRECISION_MS) return true;
  const stamped = await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return stamped.length > 0;
}

/**
 * Every department is listed, with no permissions where the agent holds no role, so a refusal can
 * name the department (R-PERM-5) without saying more than its name.
 */
export async function loadAccess(db: Db, agentId: number) {
  const rows = await db
    .select({
      departmentId: departments.id,
      departmentName: departments.name,
      roleId: roles.id,
      roleName: roles.name,
      roleKind: roles.kind,
      permissions: rolePermissions.permissions,
    })
    .from(departments)
    .leftJoin(memberships, and(eq(memberships.departmentId, departments.id), eq(memberships.agentId, agentId)))
    .leftJoin(roles, eq(roles.id, memberships.roleId))
    .leftJoin(rolePermissions, and(eq(rolePermissions.roleId, memberships.roleId), eq(rolePermissions.departmentId, departments.id)))
    .orderBy(departments.name);
  const access: AgentAccess = {
    agentId,
    departments: rows.map((r) => ({
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      permissions: normalizePermissions((r.permissions ?? []) as Permission[]),
    })),
  };
  const roleIn = new Map(rows.flatMap((r) => (r.roleId === null ? [] : [[r.departmentId, { id: r.roleId, name: r.roleName!, kind: r.roleKind! }] as const])));
  return { access, roleIn };
}
