import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { ticketPresence } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Issue 22, item 9: who else has a ticket open or is replying, shared through the database, scoped like GET /tickets/:id. */
describe.each(databaseKinds)('ticket presence (PUT/GET/DELETE /tickets/:id/presence) on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  });
  afterAll(async () => {
    await server.close();
  });

  const path = (ticketId: number) => `/api/v1/tickets/${ticketId}/presence`;
  const beat = (ticketId: number, token: string, state: 'viewing' | 'replying') => server.request('PUT', path(ticketId), { token, body: { state } });
  const list = (ticketId: number, token: string) => server.request('GET', path(ticketId), { token });
  const leave = (ticketId: number, token: string) => server.request('DELETE', path(ticketId), { token });
  /** Makes the agent's heartbeat on the ticket older than its 15 seconds, as if the panel stopped sending. */
  const lapse = (ticketId: number, agentId: number, seconds = 16) =>
    db
      .update(ticketPresence)
      .set({ expiresAt: sql`now() - make_interval(secs => ${seconds})` })
      .where(and(eq(ticketPresence.ticketId, ticketId), eq(ticketPresence.agentId, agentId)));

  it('two agents on one ticket each see the other, with name, state and since, never themselves', async () => {
    const ticket = world.tickets[0]!; // Support
    const first = await beat(ticket.id, world.tokens.agent, 'viewing');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ items: [] });
    const second = await beat(ticket.id, world.tokens.lead, 'replying');
    expect(second.body.items).toEqual([{ agentId: world.agents.agent.id, name: '佐藤 美咲', state: 'viewing', since: expect.any(String) }]);
    const seenByAgent = await list(ticket.id, world.tokens.agent);
    expect(seenByAgent.status).toBe(200);
    expect(seenByAgent.body.items).toEqual([{ agentId: world.agents.lead.id, name: 'Lee Lead', state: 'replying', since: expect.any(String) }]);
    await leave(ticket.id, world.tokens.agent);
    await leave(ticket.id, world.tokens.lead);
  });

  it('since stays while the state does and starts over when it changes', async () => {
    const ticket = world.tickets[1]!; // Support
    await beat(ticket.id, world.tokens.agent, 'viewing');
    await db
      .update(ticketPresence)
      .set({ since: sql`now() - interval '1 minute'` })
      .where(eq(ticketPresence.ticketId, ticket.id));
    await beat(ticket.id, world.tokens.agent, 'viewing');
    const sameState = (await list(ticket.id, world.tokens.lead)).body.items[0];
    expect(Date.now() - Date.parse(sameState.since)).toBeGreaterThan(50_000);
    await beat(ticket.id, world.tokens.agent, 'replying');
    const changed = (await list(ticket.id, world.tokens.lead)).body.items[0];
    expect(changed.state).toBe('replying');
    expect(Date.now() - Date.parse(changed.since)).toBeLessThan(30_000);
    await leave(ticket.id, world.tokens.agent);
  });

  it('a heartbeat not renewed within 15 seconds no longer counts; a renewed one does again', async () => {
    const ticket = world.tickets[0]!;
    await beat(ticket.id, world.tokens.agent, 'replying');
    expect((await list(ticket.id, world.tokens.lead)).body.items).toHaveLength(1);
    await lapse(ticket.id, world.agents.agent.id, 1);
    expect((await list(ticket.id, world.tokens.lead)).body.items).toEqual([]);
    await beat(ticket.id, world.tokens.agent, 'viewing');
    expect((await list(ticket.id, world.tokens.lead)).body.items.map((p: { state: string }) => p.state)).toEqual(['viewing']);
    await leave(ticket.id, world.tokens.agent);
  });

  it('long-expired heartbeats are swept from the table by the next heartbeat', async () => {
    const [support, billing] = [world.tickets[0]!, world.tickets[2]!];
    await beat(billing.id, world.tokens.lead, 'viewing');
    await lapse(billing.id, world.agents.lead.id, 120);
    await beat(support.id, world.tokens.agent, 'viewing');
    const left = await db.select().from(ticketPresence).where(eq(ticketPresence.ticketId, billing.id));
    expect(left).toEqual([]);
    await leave(support.id, world.tokens.agent);
  });

  it('DELETE ends the caller’s presence at once and leaves the others', async () => {
    const ticket = world.tickets[0]!;
    await beat(ticket.id, world.tokens.agent, 'viewing');
    await beat(ticket.id, world.tokens.admin, 'viewing');
    const left = await leave(ticket.id, world.tokens.agent);
    expect(left.status).toBe(200);
    expect(left.body.items.map((p: { agentId: number }) => p.agentId)).toEqual([world.agents.admin.id]);
    expect((await list(ticket.id, world.tokens.lead)).body.items.map((p: { agentId: number }) => p.agentId)).toEqual([world.agents.admin.id]);
    await leave(ticket.id, world.tokens.admin);
  });

  it('only agents who may see the ticket (ticket.view in its department) may post or read its presence', async () => {
    const billing = world.tickets[2]!; // Billing: the lead and the viewer work there, the support agent does not
    await beat(billing.id, world.tokens.lead, 'replying');
    for (const call of [() => beat(billing.id, world.tokens.agent, 'viewing'), () => list(billing.id, world.tokens.agent), () => leave(billing.id, world.tokens.agent)]) {
      const res = await call();
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('department Billing');
    }
    const viewer = await list(billing.id, world.tokens.viewer);
    expect(viewer.status).toBe(200);
    expect(viewer.body.items.map((p: { name: string }) => p.name)).toEqual(['Lee Lead']);
    expect((await list(999_999, world.tokens.lead)).status).toBe(404);
    const wrongState = await server.request('PUT', path(billing.id), { token: world.tokens.lead, body: { state: 'typing' } });
    expect(wrongState.status).toBe(400);
    await leave(billing.id, world.tokens.lead);
  });
});
