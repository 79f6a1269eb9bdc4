import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comments, contacts, macros, ticketTasks, tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import { waitForJob } from './wait';

describe.each(databaseKinds)('bulk operations run by the job worker on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let supportTickets: number[];
  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'run' }));
    const created = await server.database.db
      .insert(tickets)
      .values(Array.from({ length: 6 }, (_, i) => ({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: `Outage ${i}` })))
      .returning({ id: tickets.id });
    supportTickets = created.map((t) => t.id);
    for (const field of [
      { key: 'plan', name: 'Plan', type: 'choice', options: ['free', 'gold'] },
      { key: 'tier', name: 'Tier', type: 'number' },
    ]) {
      const res = await server.request('POST', `/api/v1/departments/${world.departments.support.id}/fields`, { token: world.tokens.admin, body: field });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });
  afterAll(() => server.close());

  const run = async (body: Record<string, unknown>, token = world.tokens.admin) => {
    const res = await server.request('POST', '/api/v1/jobs', { token, body: { departmentId: world.departments.support.id, ...body } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', mode: 'bulk' });
    return waitForJob(server, token, res.body.id);
  };
  const ticket = async (id: number) => (await server.request('GET', `/api/v1/tickets/${id}`, { token: world.tokens.admin })).body;
  const history = async (id: number) => (await server.request('GET', `/api/v1/tickets/${id}/history`, { token: world.tokens.admin })).body.items;

  it('assign: each ticket changed once, version bumped, history names the job', async () => {
    const ids = supportTickets.slice(0, 3);
    const job = await run({ operation: 'assign', ticketIds: ids, payload: { agentId: world.agents.agent.id } });
    expect(job).toMatchObject({ status: 'completed', counts: { total: 3, done: 3, failed: 0 }, failures: [] });
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    for (const id of ids) {
      expect(await ticket(id)).toMatchObject({ assigneeAgentId: world.agents.agent.id, version: 2 });
      expect((await history(id)).filter((h: { jobId: number }) => h.jobId === job.id)).toHaveLength(1);
    }
  });

  it("assign to an agent outside a ticket's department fails that ticket with the reason", async () => {
    const job = await run({ operation: 'assign', ticketIds: supportTickets.slice(0, 2), payload: { agentId: world.agents.viewer.id } });
    expect(job.counts).toEqual({ total: 2, done: 0, failed: 2 });
    expect(job.failures[0].reason).toContain('is not a member of department Support');
    expect(job.failures[0].ticketNumber).toBeGreaterThanOrEqual(1000);
  });

  it('assign to a team clears the agent', async () => {
    const job = await run({ operation: 'assign', ticketIds: [supportTickets[0]], payload: { teamId: world.teams.tier2.id } });
    expect(job.counts.done).toBe(1);
    expect(await ticket(supportTickets[0]!)).toMatchObject({ assigneeTeamId: world.teams.tier2.id, assigneeAgentId: null });
  });

  it('update_field validates the value against the field', async () => {
    const ok = await run({ operation: 'update_field', ticketIds: [supportTickets[1]], payload: { field: 'priority', value: 'urgent' } });
    expect(ok.counts.done).toBe(1);
    expect((await ticket(supportTickets[1]!)).priority).toBe('urgent');
    const custom = await run({ operation: 'update_field', ticketIds: [supportTickets[1]], payload: { field: 'custom.plan', value: 'gold' } });
    expect(custom.counts.done).toBe(1);
    expect((await ticket(supportTickets[1]!)).customFields).toEqual({ plan: 'gold' });
    const bad = await server.request('POST', '/api/v1/jobs', {
      token: world.tokens.admin,
      body: { departmentId: world.departments.support.id, operation: 'update_field', ticketIds: [supportTickets[1]], payload: { field: 'priority', value: 'asap' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ rule: 'R-BULK-2', message: expect.stringContaining('use one of low, medium, high, urgent') });
  });

  it('comment (private and public) adds one comment per ticket', async () => {
    const job = await run({ operation: 'comment', ticketIds: supportTickets.slice(2, 4), payload: { visibility: 'public', body: 'We are on it.' } });
    expect(job.counts.done).toBe(2);
    const rows = await server.database.db.select().from(comments).where(eq(comments.ticketId, supportTickets[2]!));
    expect(rows.map((c) => [c.visibility, c.body, c.authorAgentId])).toEqual([['public', 'We are on it.', world.agents.admin.id]]);
  });

  it('R-BULK-13 update resolution replaces the existing text', async () => {
    await run({ operation: 'update_resolution', ticketIds: [supportTickets[3]], payload: { text: 'first' } });
    await run({ operation: 'update_resolution', ticketIds: [supportTickets[3]], payload: { text: 'Restarted the gateway.' } });
    expect((await ticket(supportTickets[3]!)).resolution).toBe('Restarted the gateway.');
  });

  it('R-BULK-12 spam with sender marks the contact, so later tickets from it arrive as spam', async () => {
    const [own] = await server.database.db.insert(contacts).values({ email: 'noisy@junk.test', name: 'Noisy' }).returning();
    const [t] = await server.database.db
      .insert(tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: own!.id, subject: 'Buy now' })
      .returning();
    const job = await run({ operation: 'spam', ticketIds: [t!.id], payload: { sender: true } });
    expect(job.counts.done).toBe(1);
    expect((await ticket(t!.id)).spam).toBe(true);
    const later = await server.request('POST', '/api/v1/tickets', {
      token: world.tokens.admin,
      body: { departmentId: world.departments.support.id, channel: 'email', subject: 'Again', contact: { email: 'noisy@junk.test' } },
    });
    expect(later.body.spam).toBe(true);
  });

  it('R-BULK-15 close follows blueprints; remove_blueprint frees the ticket', async () => {
    const billingTicket = world.tickets.find((t) => t.blueprintId !== null)!;
    const billing = (body: Record<string, unknown>) => run({ departmentId: world.departments.billing.id, ...body });
    const refused = await billing({ operation: 'close', ticketIds: [billingTicket.id], payload: {} });
    expect(refused.failures[0].reason).toContain('R-BULK-15');
    const freed = await billing({ operation: 'remove_blueprint', ticketIds: [billingTicket.id], payload: {} });
    expect(freed.counts.done).toBe(1);
    const closed = await billing({ operation: 'close', ticketIds: [billingTicket.id], payload: {} });
    expect(closed.counts.done).toBe(1);
    expect(await ticket(billingTicket.id)).toMatchObject({ status: 'closed', blueprintId: null });
  });

  it('R-BULK-14 a macro runs every step in order on each ticket; a failing step leaves that ticket untouched', async () => {
    const [good] = await server.database.db
      .insert(macros)
      .values({
        departmentId: world.departments.support.id,
        name: 'Escalate',
        steps: [
          { type: 'set_status', status: 'escalated' },
          { type: 'set_fields', fields: { priority: 'high', 'custom.tier': 2 } },
          { type: 'add_comment', visibility: 'private', body: 'Escalated by macro' },
          { type: 'create_task', title: 'Call back', dueInDays: 1 },
        ],
      })
      .returning();
    const job = await run({ operation: 'macro', ticketIds: [supportTickets[4]], payload: { macroId: good!.id } });
    expect(job.counts.done).toBe(1);
    expect(await ticket(supportTickets[4]!)).toMatchObject({ status: 'escalated', priority: 'high', customFields: { tier: 2 }, version: 2 });
    expect(await server.database.db.select().from(ticketTasks).where(eq(ticketTasks.ticketId, supportTickets[4]!))).toHaveLength(1);

    const [bad] = await server.database.db
      .insert(macros)
      .values({
        departmentId: world.departments.support.id,
        name: 'Broken',
        steps: [
          { type: 'add_comment', visibility: 'private', body: 'x' },
          { type: 'set_fields', fields: { priority: 'asap' } },
        ],
      })
      .returning();
    const failed = await run({ operation: 'macro', ticketIds: [supportTickets[5]], payload: { macroId: bad!.id } });
    expect(failed.failures[0].reason).toMatch(/Macro "Broken", step 2 \(set_fields\)/);
    expect(await server.database.db.select().from(comments).where(eq(comments.ticketId, supportTickets[5]!))).toHaveLength(0);
    expect((await ticket(supportTickets[5]!)).version).toBe(1);
  });

  it('R-BULK-11 delete moves tickets to the trash', async () => {
    const [t] = await server.database.db
      .insert(tickets)
      .values({ departmentId: world.departments.support.id, channel: 'web', contactId: world.contacts.bob.id, subject: 'Dup' })
      .returning();
    const job = await run({ operation: 'delete', ticketIds: [t!.id], payload: {} });
    expect(job.counts.done).toBe(1);
    expect((await ticket(t!.id)).trashedAt).not.toBeNull();
  });

  it("one agent's jobs run one at a time, in submission order", async () => {
    const id = supportTickets[0]!;
    const submitted = [];
    for (const body of ['first', 'second', 'third']) {
      const res = await server.request('POST', '/api/v1/jobs', {
        token: world.tokens.admin,
        body: { departmentId: world.departments.support.id, operation: 'comment', ticketIds: [id], payload: { visibility: 'private', body } },
      });
      submitted.push(res.body.id);
    }
    for (const jobId of submitted) await waitForJob(server, world.tokens.admin, jobId);
    const rows = await server.database.db.select().from(comments).where(eq(comments.ticketId, id)).orderBy(comments.id);
    expect(rows.map((c) => c.body)).toEqual(['first', 'second', 'third']);
  });
});

describe.each(databaseKinds)('job pre-check on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind, { jobs: 'hold' })));
  afterAll(() => server.close());

  const preview = (body: Record<string, unknown>, token = world.tokens.admin) => server.request('POST', '/api/v1/jobs/preview', { token, body });

  it('lists each ticket that would be refused and why, and changes nothing', async () => {
    const blueprinted = world.tickets.find((t) => t.blueprintId !== null)!;
    const plain = world.tickets.find((t) => t.departmentId === world.departments.billing.id && t.blueprintId === null)!;
    const res = await preview({ operation: 'close', departmentId: world.departments.billing.id, ticketIds: [blueprinted.id, plain.id], payload: {} });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'bulk', total: 2, violations: [] });
    expect(res.body.tickets).toEqual(
      expect.arrayContaining([
        { ticketId: plain.id, ok: true, reason: null },
        { ticketId: blueprinted.id, ok: false, reason: expect.stringContaining('R-BULK-15') },
      ]),
    );
    const after = await server.request('GET', `/api/v1/tickets/${plain.id}`, { token: world.tokens.admin });
    expect(after.body).toMatchObject({ status: 'open', version: 1 });
    expect((await server.request('GET', '/api/v1/jobs', { token: world.tokens.admin })).body.items).toEqual([]);
  });

  it('answers request-level refusals with their rule instead of an error status', async () => {
    const res = await preview({
      operation: 'move',
      departmentId: world.departments.billing.id,
      ticketIds: [world.tickets[2]!.id],
      payload: { departmentId: world.departments.support.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.violations).toEqual([expect.objectContaining({ rule: 'R-BULK-2' })]);
    const forbidden = await preview({ operation: 'delete', departmentId: world.departments.support.id, ticketIds: [world.tickets[0]!.id], payload: {} }, world.tokens.agent);
    expect(forbidden.body.violations[0]).toMatchObject({ rule: 'R-PERM-5', message: expect.stringContaining('ticket.delete') });
  });
});
