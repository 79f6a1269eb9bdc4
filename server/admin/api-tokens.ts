import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiToken, TokenCreate, TokenCreated } from '../../core/schemas/admin-people';
import type { Db } from '../db/client';
import type { ApiTokenRow } from '../db/rows';
import { agents, apiTokens } from '../db/schema';
import { ApiFailure, conflict, notFound } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { hashToken, newToken } from '../http/auth';
import { manageableAgent } from './admin-agents';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  agentId: row.agentId,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: iso(row.lastUsedAt),
  revokedAt: iso(row.revokedAt),
});

/**
 * Whose tokens the caller may see and change: their own always; another agent's only when they
 * manage every department that agent works in, so nobody mints a token wider than their own reach.
 */
async function tokenOwner(db: Db, auth: AuthContext, agentId: number): Promise<{ id: number; name: string; active: boolean }> {
  if (agentId === auth.agent.id) return auth.agent;
  return (await manageableAgent(db, auth, agentId)).agent;
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
  const owner = await tokenOwner(db, auth, body.agentId);
  const [current] = await db.select({ active: agents.active }).from(agents).where(eq(agents.id, owner.id));
  if (!current?.active) throw conflict(`Agent ${owner.name} is deactivated: a token of theirs would not work. Reactivate them first.`);
  const token = newToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ agentId: owner.id, tokenHash: hashToken(token), label: body.label })
    .returning();
  return { ...toApiToken(row!), token };
}

/** Revoked at once: the next request with it answers 401. Revoking again changes nothing. */
export async function revokeToken(db: Db, auth: AuthContext, tokenId: number): Promise<ApiToken> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).for('update');
  if (!row) throw notFound(`Token ${tokenId}`);
  await tokenOwner(db, auth, row.agentId);
  if (row.revokedAt !== null) return toApiToken(row);
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, row.id), isNull(apiTokens.revokedAt)))
    .returning();
  return toApiToken(revoked!);
}
