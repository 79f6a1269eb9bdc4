import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { views } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import { waitForJob } from './wait';

/** Issue 20, item 3: R-BULK-6 "jobs execute one at a time, in order", the undo window of a bulk reply included. */
describe.each(databaseKinds)("R-BULK-6 an agent's jobs start in submission order on %s", (kind) => {
  let server: TestServer;
  let world: World;
  let massView: number;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'run', worker: { replyUndoSeconds: 2 } }));
    const db = server.database.db;
    const tag = `order-${Date.now()}`;
    await db.execute(sql`insert into tickets (department_id, channel, contact_id, subject, tags)
      select ${world.departments.support.id}, 'email', ${world.contacts.bob.id}, 'Order ' || g, array[${tag}::text] from generate_series(1, 60) g`);
    const [view] = await db
      .insert(views)
      .values({ name: 'Outage tickets', kind: 'normal', departmentId: world.departments.support.id, filter: { tags: [tag] } })
      .returning();
    massView = view!.id;
  });
  afterAll(() => server.close());

  const submit = (body: Record<string, unknown>) =>
    server.request('POST', '/api/v1/jobs', { token: world.tokens.admin, body: { departmentId: world.departments.support.id, ...body } });

  it("a mass job submitted during a bulk reply's undo window waits for the reply, and says so", async () => {
    const reply = await submit({ operation: 'reply', ticketIds: [world.tickets[0]!.id], payload: { body: 'We are on it' } });
    expect(reply.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mass = await submit({ operation: 'update_resolution', viewId: massView, payload: { text: 'Outage over' } });
    expect(mass.status).toBe(202);
    expect(mass.body.mode).toBe('mass');

    await new Promise((resolve) => setTimeout(resolve, 700));
    const waiting = (await server.request('GET', `/api/v1/jobs/${mass.body.id}`, { token: world.tokens.admin })).body;
    expect(waiting).toMatchObject({ status: 'queued', waitingForJobId: reply.body.id });
    const listed = (await server.request('GET', '/api/v1/jobs?mode=mass', { token: world.tokens.admin })).body.items;
    expect(listed.find((j: { id: number }) => j.id === mass.body.id)).toMatchObject({ waitingForJobId: reply.body.id });

    const replied = await waitForJob(server, world.tokens.admin, reply.body.id);
    const resolved = await waitForJob(server, world.tokens.admin, mass.body.id);
    expect(replied.status).toBe('completed');
    expect(resolved).toMatchObject({ status: 'completed', waitingForJobId: null });
    expect(Date.parse(resolved.startedAt)).toBeGreaterThanOrEqual(Date.parse(replied.finishedAt));
  }, 30_000);
});
