import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { ApiFailure, conflict } from './api-failure';
import type { AppEnv } from './app-env';

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

export interface MutationResult {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Runs a mutation in one transaction with the record of its Idempotency-Key, so a repeated key
 * replays the first answer and does nothing twice, even when two copies race: the second waits on
 * the first's row lock and then sees its committed answer.
 */
export async function withIdempotency(db: Db, c: Context<AppEnv>, rawBody: string, status: number, run: (tx: Db) => Promise<unknown>): Promise<MutationResult> {
  const key = c.req.header('Idempotency-Key');
  // Keys are kept per agent; the inbound secret is no agent, and a bounce posted twice marks the same recipient again, harmlessly.
  const agentId = c.get('auth')?.agent.id;
  if (key === undefined || agentId === undefined) return db.transaction(async (tx) => ({ status, body: await run(tx as Db), replayed: false }));
  if (!KEY.test(key)) {
    throw new ApiFailure(400, 'VALIDATION', 'Idempotency-Key must be 8–200 characters of letters, digits, ".", "_", ":" or "-" (a UUID works).');
  }
  const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${rawBody}`).digest('hex');
  return db.transaction(async (t) => {
    const tx = t as Db;
    const claimed = await tx.insert(idempotencyKeys).values({ agentId, key, requestHash, status, response: {} }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) return replay(tx, agentId, key, requestHash);
    const body = await run(tx);
    await tx
      .update(idempotencyKeys)
      .set({ response: body as object })
      .where(and(eq(idempotencyKeys.agentId, agentId), eq(idempotencyKeys.key, key)));
    return { status, body, replayed: false };
  });
}

async function replay(tx: Db, agentId: number, key: string, requestHash: string): Promise<MutationResult> {
  const [prior] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.agentId, agentId), eq(idempotencyKeys.key, key)));
  if (!prior) throw conflict(`The request with Idempotency-Key ${key} is still being processed; retry in a moment.`);
  if (prior.requestHash !== requestHash) {
    throw conflict(`Idempotency-Key ${key} was already used for a different request. Use a new key for a new request.`);
  }
  return { status: prior.status, body: prior.response, replayed: true };
}
