import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobItems, jobs, outgoingMail, ticketHistory, tickets, views } from '../../../server/db/schema';
import { runMassBatch } from '../../../server/jobs/mass-batch';
import { massSpecOf } from '../../../server/jobs/mass-operations';
import { runJob } from '../../../server/jobs/job-runner';
import { Mailers } from '../../../server/mail/mailers';
import { SmtpPeer } from '../mail/smtp-peer';
import type { Db } from '../../../server/db/client';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('mass jobs, set-based, on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;

  /** A department view over `n` fresh tickets, for one test each. */
  async function freshView(n: number, values: Partial<typeof tickets.$inferInsert> = {}) {
    const [view] = await db
      .insert(views)
      .values({ name: `Mass ${Math.random()}`, kind: 'normal', departmentId: world.departments.returns.id, filter: { tags: [`batch-${n}-${Date.now()}`] } })
      .returning();
    const tag = (view!.filter as { tags: string[] }).tags[0]!;
    await db.execute(sql`insert into tickets (department_id, channel, contact_id, subject, tags)
      select ${world.departments.returns.id}, 'email', ${world.contacts.bob.id}, 'Mass ' || g, array[${tag}::text] from generate_series(1, ${n}) g`);
    if (Object.keys(values).length)
      await db
        .update(tickets)
        .set(values)
        .where(sql`${tag} = any(${tickets.tags})`);
    const ids = (
      await db
        .select({ id: tickets.id })
        .from(tickets)
        .where(sql`${tag} = any(${tickets.tags})`)
        .orderBy(tickets.id)
    ).map((r) => r.id);
    return { viewId: view!.id, ids };
  }

  const submit = (body: Record<string, unknown>) =>
    server.request('POST', '/api/v1/jobs', { token: world.tokens.admin, body: { departmentId: world.departments.returns.id, ...body } });
  const jobRow = async (id: number) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
  });
  afterAll(() => server.close());

  it('assigns every ticket of a view once, in batches, with one history entry per ticket', async () => {
    const { viewId, ids } = await freshView(300);
    const res = await submit({ operation: 'assign', viewId, payload: { agentId: world.agents.lead.id } });
    expect(res.body).toMatchObject({ mode: 'mass', counts: { total: 300 } });
    const refused = await submit({ operation: 'assign', viewId, payload: { agentId: world.agents.lead.id } });
    expect(refused.body.error.rule).toBe('R-BULK-7');
    await runJob(db, res.body.id);
    const job = await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin });
    expect(job.body).toMatchObject({ status: 'completed', counts: { total: 300, done: 0, failed: 300 } });
    expect(job.body.failures[0].reason).toContain('is not a member');

    const agent = await submit({ operation: 'assign', viewId, payload: { agentId: world.agents.admin.id } });
    await runJob(db, agent.body.id);
    expect((await jobRow(agent.body.id)).done).toBe(300);
    const assigned = await db
      .select({ n: count() })
      .from(tickets)
      .where(and(inArray(tickets.id, ids), eq(tickets.assigneeAgentId, world.agents.admin.id), eq(tickets.version, 2)));
    expect(assigned[0]!.n).toBe(300);
    const history = await db.select({ n: count() }).from(ticketHistory).where(eq(ticketHistory.jobId, agent.body.id));
    expect(history[0]!.n).toBe(300);
  });

  it('counts what "select all in this view" takes (live tickets only), and lists mass history apart from bulk', async () => {
    const { viewId, ids } = await freshView(75);
    await db
      .update(tickets)
      .set({ trashedAt: new Date() })
      .where(inArray(tickets.id, ids.slice(0, 5)));
    const counted = await server.request('GET', `/api/v1/views/${viewId}/count`, { token: world.tokens.admin });
    expect(counted.body).toEqual({ viewId, total: 70 });
    expect((await server.request('GET', `/api/v1/views/${viewId}/count`, { token: world.tokens.nobody })).status).toBe(403);
    expect((await server.request('GET', '/api/v1/views/999999/count', { token: world.tokens.admin })).status).toBe(404);
    const res = await submit({ operation: 'update_resolution', viewId, payload: { text: 'History' } });
    const mass = (await server.request('GET', '/api/v1/jobs?mode=mass', { token: world.tokens.admin })).body.items;
    expect(mass.map((j: { id: number }) => j.id)).toContain(res.body.id);
    expect(mass.every((j: { mode: string }) => j.mode === 'mass')).toBe(true);
    const bulk = (await server.request('GET', '/api/v1/jobs?mode=bulk', { token: world.tokens.admin })).body.items;
    expect(bulk.map((j: { id: number }) => j.id)).not.toContain(res.body.id);
    await runJob(db, res.body.id);
  });

  it("R-BULK-9 a finished mass action mails its result to the initiator and the department's admins, once", async () => {
    const { viewId } = await freshView(80);
    const res = await submit({ operation: 'update_resolution', viewId, payload: { text: 'Known issue, fixed in 5.1' } });
    await runJob(db, res.body.id);
    await runJob(db, res.body.id);
    const mails = await db.select().from(outgoingMail).where(eq(outgoingMail.jobId, res.body.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to.sort()).toEqual(['admin@acme.test']);
    expect(mails[0]!.subject).toContain('80 of 80 changed');
    expect(mails[0]!.bodyText).toContain('department Returns');
    expect(mails[0]!.bodyText).toContain('Inbox Desk popup, Job history');
  });

  it("R-BULK-9 with SMTP configured the result leaves once, from the department's address, after the completion commits", async () => {
    const peer = new SmtpPeer();
    await peer.start();
    const mailers = new Mailers(peer.url);
    try {
      const { viewId } = await freshView(60);
      const res = await submit({ operation: 'update_resolution', viewId, payload: { text: 'Sent over SMTP' } });
      await runJob(db, res.body.id, { mailers });
      await runJob(db, res.body.id, { mailers });
      expect(peer.received).toHaveLength(1);
      expect(peer.received[0]).toMatchObject({ from: 'returns@acme.test', to: ['admin@acme.test'] });
      expect(peer.received[0]!.mail.subject).toContain('60 of 60 changed');
      const [mail] = await db.select().from(outgoingMail).where(eq(outgoingMail.jobId, res.body.id));
      expect(mail).toMatchObject({ status: 'sent', response: expect.stringMatching(/^250/) });
    } finally {
      mailers.close();
      await peer.stop();
    }
  });

  it('R-BULK-9 bulk jobs send no completion e-mail', async () => {
    const { ids } = await freshView(3);
    const res = await submit({ operation: 'update_resolution', ticketIds: ids, payload: { text: 'x' } });
    await runJob(db, res.body.id);
    expect(await db.select().from(outgoingMail).where(eq(outgoingMail.jobId, res.body.id))).toHaveLength(0);
  });

  it('tickets changed after submit: deleted or moved ones fail with "view changed", the rest are processed', async () => {
    const { viewId, ids } = await freshView(60);
    const res = await submit({ operation: 'update_resolution', viewId, payload: { text: 'Fixed in 4.2' } });
    await db
      .update(tickets)
      .set({ trashedAt: new Date() })
      .where(inArray(tickets.id, ids.slice(0, 3)));
    await db
      .update(tickets)
      .set({ departmentId: world.departments.billing.id })
      .where(inArray(tickets.id, ids.slice(3, 5)));
    await db
      .update(tickets)
      .set({ priority: 'urgent' })
      .where(inArray(tickets.id, ids.slice(5, 7)));
    await runJob(db, res.body.id);
    const job = (await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin })).body;
    expect(job.counts).toEqual({ total: 60, done: 55, failed: 5 });
    const reasons = job.failures.map((f: { reason: string }) => f.reason).sort();
    expect(reasons.filter((r: string) => r.includes('deleted meanwhile'))).toHaveLength(3);
    expect(reasons.filter((r: string) => r.includes('moved to another department'))).toHaveLength(2);
    expect((await db.select().from(tickets).where(eq(tickets.id, ids[5]!)))[0]).toMatchObject({ priority: 'urgent', resolution: 'Fixed in 4.2' });
  });

  it('R-BULK-3 a mass move clears what belonged to the old department; R-CC-1 refuses tickets with CCs', async () => {
    const { viewId, ids } = await freshView(55, { assigneeAgentId: world.agents.admin.id, assigneeTeamId: null, blueprintId: world.blueprint.id });
    await db
      .update(tickets)
      .set({ secondaryContactIds: [world.contacts.alice.id] })
      .where(eq(tickets.id, ids[0]!));
    const res = await submit({ operation: 'move', viewId, payload: { departmentId: world.departments.billing.id } });
    expect(res.status).toBe(202);
    await runJob(db, res.body.id);
    const job = await jobRow(res.body.id);
    expect({ done: job.done, failed: job.failed }).toEqual({ done: 54, failed: 1 });
    const moved = (await db.select().from(tickets).where(eq(tickets.id, ids[1]!)))[0]!;
    expect(moved).toMatchObject({ departmentId: world.departments.billing.id, blueprintId: null, assigneeAgentId: world.agents.admin.id });
    const [item] = await db
      .select()
      .from(jobItems)
      .where(and(eq(jobItems.jobId, res.body.id), eq(jobItems.ticketId, ids[0]!)));
    expect(item!.reason).toContain('R-CC-1');
  });

  it("R-BULK-15 a mass status update follows each ticket's blueprint", async () => {
    const { viewId } = await freshView(52, { blueprintId: world.blueprint.id, departmentId: world.departments.returns.id });
    const res = await submit({ operation: 'update_field', viewId, payload: { field: 'status', value: 'closed' } });
    await runJob(db, res.body.id);
    const job = (await server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin })).body;
    expect(job.counts.failed).toBe(52);
    expect(job.failures[0].reason).toContain('R-BULK-15');
    const escalate = await submit({ operation: 'update_field', viewId, payload: { field: 'status', value: 'escalated' } });
    await runJob(db, escalate.body.id);
    expect((await jobRow(escalate.body.id)).done).toBe(52);
  });

  it('a crash in the middle of a batch rolls that batch back; the resumed job changes each ticket exactly once', async () => {
    const { viewId, ids } = await freshView(20_000);
    const res = await submit({ operation: 'update_resolution', viewId, payload: { text: 'Resolved by the 20k job' } });
    const job = await jobRow(res.body.id);
    const spec = massSpecOf(job)!;
    expect(await db.transaction((tx) => runMassBatch(tx as Db, job, spec))).toEqual({ seq: 0, done: 5000, failed: 0 });
    await expect(
      db.transaction(async (tx) => {
        expect(await runMassBatch(tx as Db, job, spec)).toMatchObject({ seq: 1, done: 5000 });
        throw new Error('the process died here');
      }),
    ).rejects.toThrow('the process died here');
    expect((await jobRow(job.id)).done).toBe(5000);
    await runJob(db, job.id);
    expect(await jobRow(job.id)).toMatchObject({ status: 'completed', done: 20_000, failed: 0 });
    const perTicket = await db.execute(
      sql`select count(*)::int as n from (select ticket_id from ticket_history where job_id = ${job.id} group by ticket_id having count(*) <> 1) x`,
    );
    expect((perTicket as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    const changed = await db
      .select({ n: count() })
      .from(tickets)
      .where(and(inArray(tickets.id, ids), eq(tickets.version, 2), isNotNull(tickets.resolution)));
    expect(changed[0]!.n).toBe(20_000);
  }, 90_000);

  it('lanes applying batches side by side never take the same batch: every ticket changed exactly once', async () => {
    const { viewId, ids } = await freshView(12_001);
    const res = await submit({ operation: 'update_field', viewId, payload: { field: 'priority', value: 'high' } });
    await runJob(db, res.body.id, { massLanes: 3 });
    expect(await jobRow(res.body.id)).toMatchObject({ status: 'completed', done: 12_001, failed: 0 });
    const history = await db.select({ n: count() }).from(ticketHistory).where(eq(ticketHistory.jobId, res.body.id));
    expect(history[0]!.n).toBe(12_001);
    const changed = await db
      .select({ n: count() })
      .from(tickets)
      .where(and(inArray(tickets.id, ids), eq(tickets.version, 2), eq(tickets.priority, 'high')));
    expect(changed[0]!.n).toBe(12_001);
  }, 60_000);

  // Two transactions at once need two connections: PostgreSQL only (PGlite has one, and one process).
  it.runIf(kind === 'postgres')(
    'a worker does not complete a job while another still holds one of its batches',
    async () => {
      const { viewId } = await freshView(10_001);
      const res = await submit({ operation: 'update_resolution', viewId, payload: { text: 'Held' } });
      const job = await jobRow(res.body.id);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let claimed!: () => void;
      const claimedOne = new Promise<void>((resolve) => (claimed = resolve));
      // Another worker has claimed the first batch (its row lock) and not yet applied it.
      const other = db.transaction(async (tx) => {
        await tx.execute(sql`select seq from job_batches where job_id = ${job.id} and seq = 0 for update`);
        claimed();
        await held;
      });
      await claimedOne;
      await runJob(db, job.id);
      expect(await jobRow(job.id)).toMatchObject({ status: 'running', done: 5001 });
      release();
      await other;
      await runJob(db, job.id);
      expect(await jobRow(job.id)).toMatchObject({ status: 'completed', done: 10_001 });
    },
    60_000,
  );

  it('R-BULK-1 a view of 200,001 tickets is refused with the count; 200,000 is accepted', async () => {
    const { viewId } = await freshView(200_000);
    const ok = await submit({ operation: 'delete', viewId, payload: {} });
    expect(ok.status).toBe(202);
    expect(ok.body.counts.total).toBe(200_000);
    await server.request('DELETE', `/api/v1/jobs/${ok.body.id}`, { token: world.tokens.admin });
    const tag = ((await db.select().from(views).where(eq(views.id, viewId)))[0]!.filter as { tags: string[] }).tags[0]!;
    await db.execute(
      sql`insert into tickets (department_id, channel, contact_id, subject, tags) values (${world.departments.returns.id}, 'email', ${world.contacts.bob.id}, 'one more', array[${tag}::text])`,
    );
    const refused = await submit({ operation: 'delete', viewId, payload: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.error.rule).toBe('R-BULK-1');
    expect(refused.body.error.message).toMatch(/200,?001/);
  }, 120_000);
});
