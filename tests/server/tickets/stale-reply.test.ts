import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { jobs, threads, tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Issue 22, item 9: a reply written while the ticket got a new message asks first (409 CONFLICT), unless confirmStale. */
describe.each(databaseKinds)('stale one-ticket reply (POST /tickets/:id/replies with seenThreadCount) on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
  });
  afterAll(async () => {
    await server.close();
  });

  const replyTo = (ticketId: number, body: Record<string, unknown>) => server.request('POST', `/api/v1/tickets/${ticketId}/replies`, { token: world.tokens.agent, body });
  const cancel = (jobId: number) => server.request('DELETE', `/api/v1/jobs/${jobId}`, { token: world.tokens.agent });

  /** A Support e-mail ticket with one message from its contact. */
  async function ticketWithOneMessage() {
    const [ticket] = await db
      .insert(tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'Printer', lastThreadChannel: 'email' })
      .returning();
    await db.insert(threads).values({ ticketId: ticket!.id, direction: 'in', channel: 'email', from: 'alice@customer.test', to: ['support@acme.test'], bodyText: 'It jams.' });
    return ticket!;
  }
  const customerWritesAgain = (ticketId: number) =>
    db
      .insert(threads)
      .values({ ticketId, direction: 'in', channel: 'email', from: 'alice@customer.test', to: ['support@acme.test'], bodyText: 'Now it smokes.' })
      .returning();

  it('a reply whose composer saw every thread is sent as before', async () => {
    const ticket = await ticketWithOneMessage();
    const res = await replyTo(ticket.id, { body: 'Try this', seenThreadCount: 1 });
    expect(res.status).toBe(202);
    await cancel(res.body.id);
  });

  it('a message that arrived since the composer opened is a 409 CONFLICT naming it, and no job is made', async () => {
    const ticket = await ticketWithOneMessage();
    const [newer] = await customerWritesAgain(ticket.id);
    const before = (await db.select().from(jobs)).length;
    const res = await replyTo(ticket.id, { body: 'Try this', seenThreadCount: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toContain(`Ticket #${ticket.number} got a new message since you started this reply (latest from alice@customer.test)`);
    expect(res.body.error.details).toEqual({
      reason: 'stale_reply',
      threadCount: 2,
      latest: { direction: 'in', from: 'alice@customer.test', createdAt: newer!.createdAt.toISOString() },
    });
    expect((await db.select().from(jobs)).length).toBe(before);
  });

  it('another agent’s reply counts too, and several are counted', async () => {
    const ticket = await ticketWithOneMessage();
    await db.insert(threads).values({ ticketId: ticket.id, direction: 'out', channel: 'email', from: 'support@acme.test', to: ['alice@customer.test'], bodyText: 'On it.' });
    await customerWritesAgain(ticket.id);
    const res = await replyTo(ticket.id, { body: 'Try this', seenThreadCount: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('got 2 new messages');
    expect(res.body.error.details.threadCount).toBe(3);
  });

  it('confirmStale sends anyway; the job payload keeps only the reply itself', async () => {
    const ticket = await ticketWithOneMessage();
    await customerWritesAgain(ticket.id);
    const res = await replyTo(ticket.id, { body: 'Try this', seenThreadCount: 1, confirmStale: true });
    expect(res.status).toBe(202);
    const [job] = await db.select().from(jobs).where(eq(jobs.id, res.body.id));
    expect(job!.payload).toEqual({ body: 'Try this', scope: 'ticket' });
    await cancel(res.body.id);
  });

  it('without seenThreadCount (older panels, macros) nothing is checked', async () => {
    const ticket = await ticketWithOneMessage();
    await customerWritesAgain(ticket.id);
    const res = await replyTo(ticket.id, { body: 'Try this' });
    expect(res.status).toBe(202);
    await cancel(res.body.id);
  });
});
