import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets, views } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Issue 20, item 2: "update a field" is no back door around R-BULK-2's table. */
describe.each(databaseKinds)('R-BULK-2 through update a field on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let bigView: number;
  let selection: number[];

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    const db = server.database.db;
    const tag = `back-door-${Date.now()}`;
    await db.execute(sql`insert into tickets (department_id, channel, contact_id, subject, tags)
      select ${world.departments.returns.id}, 'email', ${world.contacts.bob.id}, 'Door ' || g, array[${tag}::text] from generate_series(1, 310) g`);
    const [view] = await db
      .insert(views)
      .values({ name: 'Returns of the week', kind: 'normal', departmentId: world.departments.returns.id, filter: { tags: [tag] } })
      .returning();
    bigView = view!.id;
    const rows = await db
      .select({ id: tickets.id })
      .from(tickets)
      .where(sql`${tag} = any(${tickets.tags})`)
      .limit(2);
    selection = rows.map((r) => r.id);
  });
  afterAll(() => server.close());

  const returns = () => world.departments.returns.id;
  const submit = (body: Record<string, unknown>) => server.request('POST', '/api/v1/jobs', { token: world.tokens.admin, body: { departmentId: returns(), ...body } });
  const preview = (body: Record<string, unknown>) => server.request('POST', '/api/v1/jobs/preview', { token: world.tokens.admin, body: { departmentId: returns(), ...body } });

  it('status = closed on a view of 310 tickets is refused like mass close, in the pre-check and on submit', async () => {
    const body = { operation: 'update_field', viewId: bigView, payload: { field: 'status', value: 'closed' } };
    const checked = await preview(body);
    expect(checked.status).toBe(200);
    expect(checked.body.violations).toMatchObject([
      { rule: 'R-BULK-2', message: expect.stringMatching(/^Setting the status to closed is closing the tickets: Close cannot run as a mass action/) },
    ]);
    const res = await submit(body);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ rule: 'R-BULK-2', message: checked.body.violations[0].message });
    const close = await submit({ operation: 'close', viewId: bigView, payload: {} });
    expect(close.body.error.rule).toBe('R-BULK-2');
  });

  it('status = closed on a selection of two is a bulk close, which R-BULK-2 allows; other statuses stay open to mass', async () => {
    const bulk = await submit({ operation: 'update_field', ticketIds: selection, payload: { field: 'status', value: 'closed' } });
    expect(bulk.status).toBe(202);
    const mass = await submit({ operation: 'update_field', viewId: bigView, payload: { field: 'status', value: 'on_hold' } });
    expect(mass.status).toBe(202);
    await server.request('DELETE', `/api/v1/jobs/${mass.body.id}`, { token: world.tokens.admin });
  });

  it('the spam flag is marking as spam: refused with R-BULK-2, naming the operation to use', async () => {
    const res = await submit({ operation: 'update_field', ticketIds: selection, payload: { field: 'spam', value: 'true' } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ rule: 'R-BULK-2', message: expect.stringMatching(/^Setting the spam flag is marking the tickets as spam; use "Mark as spam"/i) });
  });

  it('the department is moving: refused with R-BULK-2 on a view and on a selection', async () => {
    for (const field of ['department', 'departmentId']) {
      for (const scope of [{ viewId: bigView }, { ticketIds: selection }]) {
        const res = await submit({ operation: 'update_field', ...scope, payload: { field, value: String(world.departments.billing.id) } });
        expect(res.status, field).toBe(422);
        expect(res.body.error).toMatchObject({ rule: 'R-BULK-2', message: expect.stringContaining('Changing the department is moving the tickets') });
      }
    }
  });
});
