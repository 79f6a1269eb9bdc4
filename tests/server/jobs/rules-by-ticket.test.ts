import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, jobItems, tickets } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Issue 20, item 1: a ticket's own state decides what may be done to it, whatever path it came by. */
describe.each(databaseKinds)('rules by ticket on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
  });
  afterAll(() => server.close());

  const post = (path: string, body: Record<string, unknown>) => server.request('POST', `/api/v1${path}`, { token: world.tokens.admin, body });
  const support = () => world.departments.support.id;

  async function supportTickets(n: number, values: Partial<typeof tickets.$inferInsert> = {}) {
    return db
      .insert(tickets)
      .values(
        Array.from({ length: n }, (_, i) => ({
          departmentId: support(),
          channel: 'email',
          contactId: world.contacts.alice.id,
          subject: `Rule ${i}`,
          lastThreadChannel: 'email',
          ...values,
        })),
      )
      .returning();
  }

  /** Each item's result after the job ran, as the preview lists them. */
  async function ranAs(jobId: number) {
    await runJob(db, jobId);
    const items = await db.select().from(jobItems).where(eq(jobItems.jobId, jobId)).orderBy(jobItems.ticketId);
    return items.map((i) => ({ ticketId: i.ticketId, ok: i.state === 'done', reason: i.reason }));
  }

  it('R-BULK-4 closing a selection of two spam tickets: the pre-check refuses each by number, and the job does what it said', async () => {
    const spam = await supportTickets(2, { spam: true });
    const body = { operation: 'close', departmentId: support(), ticketIds: spam.map((t) => t.id), payload: {} };
    const preview = await post('/jobs/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.body.tickets).toEqual(spam.map((t) => ({ ticketId: t.id, ok: false, reason: expect.stringMatching(new RegExp(`^R-BULK-4: #${t.number} is marked spam`)) })));
    const job = await post('/jobs', body);
    expect(job.status).toBe(202);
    expect(await ranAs(job.body.id)).toEqual(preview.body.tickets);
    const after = await db.select().from(tickets).where(eq(tickets.id, spam[0]!.id));
    expect(after[0]!.status).toBe('open');
  });

  it('a mixed selection: spam and trashed tickets refused one by one, the others changed, preview and job agreeing ticket by ticket', async () => {
    const [live] = await supportTickets(1);
    const [spam] = await supportTickets(1, { spam: true });
    const [trashed] = await supportTickets(1, { trashedAt: new Date() });
    const body = { operation: 'update_field', departmentId: support(), ticketIds: [live!.id, spam!.id, trashed!.id], payload: { field: 'priority', value: 'high' } };
    const preview = await post('/jobs/preview', body);
    expect(preview.body.tickets).toEqual([
      { ticketId: live!.id, ok: true, reason: null },
      { ticketId: spam!.id, ok: false, reason: expect.stringContaining('R-BULK-4') },
      { ticketId: trashed!.id, ok: false, reason: `R-BULK-11: #${trashed!.number} is in the trash; restore it from the trash first to act on it.` },
    ]);
    const job = await post('/jobs', body);
    expect(await ranAs(job.body.id)).toEqual(preview.body.tickets);
  });

  it('R-BULK-4 a selection made inside the spam view carries it and is refused like "all in this view"', async () => {
    const [ticket] = await db
      .insert(tickets)
      .values({ departmentId: world.departments.billing.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'In the spam view', spam: true })
      .returning();
    const res = await post('/jobs', { operation: 'delete', departmentId: world.departments.billing.id, viewId: world.views.billingSpam.id, ticketIds: [ticket!.id], payload: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.rule).toBe('R-BULK-4');
  });

  it('R-BULK-7 a selection made inside a view waits for the job already running on that view', async () => {
    const [a, b] = await supportTickets(2);
    const view = world.views.supportOpen.id;
    const first = await post('/jobs', { operation: 'assign', departmentId: support(), viewId: view, ticketIds: [a!.id], payload: { agentId: world.agents.agent.id } });
    expect(first.status).toBe(202);
    const second = await post('/jobs', { operation: 'assign', departmentId: support(), viewId: view, ticketIds: [b!.id], payload: { agentId: world.agents.agent.id } });
    expect(second.status).toBe(422);
    expect(second.body.error.rule).toBe('R-BULK-7');
    await runJob(db, first.body.id);
  });

  it('R-BULK-12 POST /replies/preview leaves out a ticket whose contact is spam, and the reply job skips it for the same reason', async () => {
    const [person] = await db.insert(contacts).values({ email: 'turned-spam@customer.test', name: 'Turned' }).returning();
    const [fine] = await supportTickets(1);
    const [theirs] = await supportTickets(1, { contactId: person!.id });
    await db.update(contacts).set({ spam: true }).where(eq(contacts.id, person!.id));
    const body = { departmentId: support(), ticketIds: [fine!.id, theirs!.id], payload: { body: 'Hello {{contact.name}}' } };
    const preview = await post('/replies/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.body.tickets).toEqual([
      { ticketId: fine!.id, ok: true, reason: null },
      { ticketId: theirs!.id, ok: false, reason: expect.stringMatching(new RegExp(`^R-BULK-12: #${theirs!.number}'s contact turned-spam@customer.test is marked spam`)) },
    ]);
    const job = await post('/jobs', { operation: 'reply', ...body });
    expect(job.status).toBe(202);
    expect(await ranAs(job.body.id)).toEqual(preview.body.tickets);
  });

  it('R-CC-3 a secondary contact marked spam or deleted after it was added is skipped with its reason; the customer still gets the reply', async () => {
    const [copied, gone] = await db
      .insert(contacts)
      .values([
        { email: 'copied@customer.test', name: 'Copied' },
        { email: 'gone-later@customer.test', name: 'Gone later' },
      ])
      .returning();
    const [ticket] = await supportTickets(1, { secondaryContactIds: [copied!.id, gone!.id, world.contacts.bob.id] });
    await db.update(contacts).set({ spam: true }).where(eq(contacts.id, copied!.id));
    await db.update(contacts).set({ deleted: true }).where(eq(contacts.id, gone!.id));
    const preview = await post('/replies/preview', { departmentId: support(), ticketIds: [ticket!.id], payload: { body: 'Hello' } });
    expect(preview.body.tickets).toEqual([{ ticketId: ticket!.id, ok: true, reason: null }]);
    expect(preview.body.sample.cc).toEqual(['bob@customer.test']);
    expect(preview.body.sample.skipped).toEqual(
      expect.arrayContaining([
        { address: 'copied@customer.test', reason: `R-CC-3: copied@customer.test is marked spam; it was left out of this reply on #${ticket!.number}.` },
        { address: 'gone-later@customer.test', reason: `R-CC-3: gone-later@customer.test is a deleted contact; it was left out of this reply on #${ticket!.number}.` },
      ]),
    );
  });

  it("R-MERGE-6 a merged-away ticket in a selection is acted on as its primary, judged by the primary's own state", async () => {
    const [primary, away] = await supportTickets(2);
    await db.update(tickets).set({ mergedIntoId: primary!.id, trashedAt: new Date() }).where(eq(tickets.id, away!.id));
    await db.update(tickets).set({ spam: true }).where(eq(tickets.id, primary!.id));
    const preview = await post('/jobs/preview', { operation: 'close', departmentId: support(), ticketIds: [away!.id, primary!.id], payload: {} });
    expect(preview.body.tickets).toEqual([{ ticketId: primary!.id, ok: false, reason: expect.stringContaining(`R-BULK-4: #${primary!.number}`) }]);
  });
});
