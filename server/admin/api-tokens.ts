import { and, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { checkMayManageAgent } from '../../core/rules/admin-scope';
import type { ApiToken, TokenCreate, TokenCreated } from '../../core/schemas/admin-people';
import type { TokenRevokeReason } from '../../core/schemas/audit';
import type { Db } from '../db/client';
import type { ApiTokenRow } from '../db/rows';
import { agents, apiTokens } from '../db/schema';
import { ApiFailure, conflict, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { hashToken, loadAccess, newToken } from '../http/auth';
import { agentHoldings, manageableAgent } from './admin-agents';
import { recordAudit } from './audit-log';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  agentId: row.agentId,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: iso(row.lastUsedAt),
  revokedAt: iso(row.revokedAt),
  expiresAt: iso(row.expiresAt),
  createdById: row.createdById,
});

/**
 * Whose tokens the caller may see and change: their own always; another agent's only when they
 * manage that agent now (every department the agent works in, holding there what the agent holds),
 * so nobody mints a token wider than their own reach.
 */
async function tokenOwner(db: Db, auth: AuthContext, agentId: number): Promise<{ id: number; name: string; active: boolean; departmentIds: number[] }> {
  if (agentId === auth.agent.id) return { ...auth.agent, departmentIds: (await agentHoldings(db, agentId)).map((h) => h.departmentId) };
  const { agent, departmentIds } = await manageableAgent(db, auth, agentId);
  return { ...agent, departmentIds };
}

export async function listTokens(db: Db, auth: AuthContext, agentId: number): Promise<ApiToken[]> {
  const owner = await tokenOwner(db, auth, agentId);
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.agentId, owner.id)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toApiToken);
}

export async function createToken(db: Db, auth: AuthContext, body: TokenCreate, idempotencyKey: string | undefined): Promise<TokenCreated> {
  // A replayable answer is stored in idempotency_keys, and the plain token must never be stored.
  if (idempotencyKey !== undefined) {
    throw new ApiFailure(400, 'VALIDATION', 'POST /tokens takes no Idempotency-Key: its answer holds the new token, which the server never stores. Send it without one.');
  }
  const expiresAt = body.expiresAt === undefined ? null : new Date(body.expiresAt);
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new ApiFailure(400, 'VALIDATION', `expiresAt ${body.expiresAt} is not in the future: give a later date, or none for a token that does not expire.`);
  }
  const owner = await tokenOwner(db, auth, body.agentId);
  const [current] = await db.select({ active: agents.active }).from(agents).where(eq(agents.id, owner.id));
  if (!current?.active) throw conflict(`Agent ${owner.name} is deactivated: a token of theirs would not work. Reactivate them first.`);
  const token = newToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ agentId: owner.id, tokenHash: hashToken(token), label: body.label, expiresAt, createdById: auth.agent.id })
    .returning();
  await recordAudit(db, {
    actorId: auth.agent.id,
    action: 'token.created',
    agentId: owner.id,
    tokenId: row!.id,
    departmentIds: owner.departmentIds,
    details: { label: row!.label, expiresAt: iso(row!.expiresAt) },
  });
  return { ...toApiToken(row!), token };
}

/** Revoked at once: the next request with it answers 401. Revoking again changes nothing. */
export async function revokeToken(db: Db, auth: AuthContext, tokenId: number): Promise<ApiToken> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).for('update');
  if (!row) throw notFound(`Token ${tokenId}`);
  const owner = await tokenOwner(db, auth, row.agentId);
  if (row.revokedAt !== null) return toApiToken(row);
  const [revoked] = await revokeWhere(db, eq(apiTokens.id, row.id));
  await auditRevoked(db, auth.agent.id, revoked!, owner.departmentIds, 'revoked');
  return toApiToken(revoked!);
}

const revokeWhere = (db: Db, where: ReturnType<typeof eq>) =>
  db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(where, isNull(apiTokens.revokedAt)))
    .returning();

const auditRevoked = (db: Db, actorId: number | null, row: ApiTokenRow, departmentIds: readonly number[], reason: TokenRevokeReason) =>
  recordAudit(db, { actorId, action: 'token.revoked', agentId: row.agentId, tokenId: row.id, departmentIds, details: { label: row.label, reason } });

/** A deactivated agent's tokens are revoked for good: reactivating them later gives back no old token. */
export async function revokeAgentTokens(db: Db, actorId: number, agentId: number, departmentIds: readonly number[]): Promise<number> {
  const revoked = await revokeWhere(db, eq(apiTokens.agentId, agentId));
  for (const row of revoked) await auditRevoked(db, actorId, row, departmentIds, 'agent_deactivated');
  return revoked.length;
}

/**
 * R-PERM-3/5 after an agent's reach grew (a new role, a role granting more): a token another agent
 * minted for them stays only while its creator could manage them now. Otherwise the creator would
 * hold a key to departments they do not manage, and could no longer see or revoke it.
 */
export async function revokeOutgrownTokens(db: Db, actorId: number, agentIds: readonly number[]): Promise<void> {
  if (agentIds.length === 0) return;
  const minted = await db
    .select({ token: apiTokens })
    .from(apiTokens)
    .where(and(inArray(apiTokens.agentId, [...agentIds]), isNull(apiTokens.revokedAt), isNotNull(apiTokens.createdById), ne(apiTokens.createdById, apiTokens.agentId)));
  for (const { token } of minted) {
    const [agent] = await db.select({ id: agents.id, name: agents.name }).from(agents).where(eq(agents.id, token.agentId));
    const holdings = await agentHoldings(db, token.agentId);
    const creator = await loadAccess(db, token.createdById!);
    if (checkMayManageAgent(creator.access, creator.roleIn, agent!, holdings).ok) continue;
    const [revoked] = await revokeWhere(db, eq(apiTokens.id, token.id));
    if (revoked)
      await auditRevoked(
        db,
        actorId,
        revoked,
        holdings.map((h) => h.departmentId),
        'creator_out_of_reach',
      );
  }
}
