import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets, views } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import { waitForStatus } from './wait';

type Cell = 'yes' | 'no';
/** R-BULK-2 as written in RULES.md: operation → bulk (≤ 50), mass (> 50), all-departments view. */
const MATRIX: Record<string, [Cell, Cell, Cell]> = {
  assign: ['yes', 'yes', 'no'],
  update_field: ['yes', 'yes', 'yes'],
  reply: ['yes', 'no', 'no'],
  comment: ['yes', 'no', 'no'],
  merge: ['yes', 'no', 'no'],
  close: ['yes', 'no', 'yes'],
  delete: ['yes', 'yes', 'yes'],
  move: ['no', 'yes', 'no'],
  spam: ['yes', 'no', 'yes'],
  macro: ['yes', 'no', 'no'],
  remove_blueprint: ['yes', 'yes', 'yes'],
  update_resolution: ['yes', 'yes', 'yes'],
};

describe.each(databaseKinds)('job submission rules on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let selection: number[];
  /** Merging really merges (it completes at submit), so it gets tickets of its own. */
  let mergePair: number[];
  let bigView: number;
  const payloads = (): Record<string, unknown> => ({
    assign: { agentId: world.agents.agent.id },
    update_field: { field: 'priority', value: 'high' },
    reply: { body: 'Hello' },
    comment: { visibility: 'private', body: 'note' },
    merge: { primaryId: mergePair[0], fieldChoices: {} },
    close: {},
    delete: {},
    move: { departmentId: world.departments.billing.id },
    spam: {},
    macro: { macroId: 1 },
    remove_blueprint: {},
    update_resolution: { text: 'done' },
  });
  const submit = (body: Record<string, unknown>, token = world.tokens.admin) => server.request('POST', '/api/v1/jobs', { token, body });
  const cancel = (id: number, token = world.tokens.admin) => server.request('DELETE', `/api/v1/jobs/${id}`, { token });

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    const rows = await server.database.db
      .insert(tickets)
      .values(Array.from({ length: 60 }, (_, i) => ({ departmentId: world.departments.returns.id, channel: 'email', contactId: world.contacts.bob.id, subject: `Return ${i}` })))
      .returning({ id: tickets.id });
    selection = rows.slice(0, 2).map((r) => r.id);
    mergePair = rows.slice(2, 4).map((r) => r.id);
    const [view] = await server.database.db.insert(views).values({ name: 'All returns', kind: 'normal', departmentId: world.departments.returns.id, filter: {} }).returning();
    bigView = view!.id;
  });
  afterAll(() => server.close());

  describe('R-BULK-2 the operation matrix', () => {
    for (const [operation, [bulk, mass, all]] of Object.entries(MATRIX)) {
      it(`${operation}: bulk ${bulk}, mass ${mass}, all-departments ${all}`, async () => {
        const ticketIds = operation === 'merge' ? mergePair : selection;
        const cells: [Cell, Record<string, unknown>][] = [
          [bulk, { departmentId: world.departments.returns.id, ticketIds }],
          [mass, { departmentId: world.departments.returns.id, viewId: bigView }],
          [all, { departmentId: 'all', ticketIds }],
        ];
        for (const [expected, scope] of cells) {
          const res = await submit({ operation, payload: payloads()[operation], ...scope });
          const label = `${operation} ${JSON.stringify(scope)}`;
          if (expected === 'no') {
            expect(res.status, label).toBe(422);
            expect(res.body.error.rule, label).toBe('R-BULK-2');
          } else if (operation === 'merge') {
            expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(202);
            expect(res.body, label).toMatchObject({ operation: 'merge', status: 'completed', counts: { total: 2, done: 2, failed: 0 } });
          } else {
            expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(202);
            expect((await cancel(res.body.id)).body.status).toBe('cancelled');
          }
        }
      });
    }
  });

  it('R-BULK-1 a selection of 51 tickets is refused; a view of 60 is a mass job; 50 is bulk', async () => {
    const ids = (await server.request('GET', `/api/v1/tickets?viewId=${bigView}&limit=60`, { token: world.tokens.admin })).body.items.map((t: { id: number }) => t.id);
    const tooMany = await submit({ operation: 'close', departmentId: world.departments.returns.id, ticketIds: ids.slice(0, 51), payload: {} });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.rule).toBe('R-BULK-1');
    const fifty = await submit({ operation: 'close', departmentId: world.departments.returns.id, ticketIds: ids.slice(0, 50), payload: {} });
    expect(fifty.body).toMatchObject({ mode: 'bulk', counts: { total: 50 } });
    await cancel(fifty.body.id);
    const mass = await submit({ operation: 'assign', departmentId: world.departments.returns.id, viewId: bigView, payload: { agentId: world.agents.admin.id } });
    expect(mass.body).toMatchObject({ mode: 'mass', viewId: bigView, viewName: 'All returns' });
    expect(mass.body.counts.total).toBeGreaterThan(50);
    await cancel(mass.body.id);
  });

  it('R-BULK-4 no job runs in spam, shared open, shared or archived views', async () => {
    for (const kind of ['spam', 'shared_open', 'shared', 'archived']) {
      const [view] = await server.database.db
        .insert(views)
        .values({ name: `${kind} view`, kind, departmentId: world.departments.returns.id, filter: {} })
        .returning();
      const res = await submit({ operation: 'close', departmentId: world.departments.returns.id, viewId: view!.id, payload: {} });
      expect(res.status, kind).toBe(422);
      expect(res.body.error.rule, kind).toBe('R-BULK-4');
    }
  });

  it('R-BULK-5 a blueprint view allows bulk jobs only', async () => {
    const [view] = await server.database.db.insert(views).values({ name: 'Blueprint', kind: 'blueprint', departmentId: world.departments.returns.id, filter: {} }).returning();
    const res = await submit({ operation: 'assign', departmentId: world.departments.returns.id, viewId: view!.id, payload: { agentId: world.agents.admin.id } });
    expect(res.status).toBe(422);
    expect(res.body.error.rule).toBe('R-BULK-5');
  });

  it('R-BULK-6 eleven jobs may wait at once; the twelfth is refused, also when submitted concurrently', async () => {
    const token = world.tokens.lead;
    const supportTicket = world.tickets.find((t) => t.departmentId === world.departments.support.id)!.id;
    const body = { operation: 'comment', departmentId: world.departments.support.id, ticketIds: [supportTicket], payload: { visibility: 'private', body: 'x' } };
    const answers = await Promise.all(Array.from({ length: 14 }, () => submit(body, token)));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(11);
    const refused = answers.filter((a) => a.status !== 202);
    expect(refused.every((a) => a.status === 422 && a.body.error.rule === 'R-BULK-6')).toBe(true);
    expect(refused[0]!.body.error.message).toContain('11 jobs queued or running');
    await cancel(answers.find((a) => a.status === 202)!.body.id, token);
    expect((await submit(body, token)).status).toBe(202);
  });

  it('R-BULK-7 one job per view; other views are free', async () => {
    const first = await submit({ operation: 'delete', departmentId: world.departments.returns.id, viewId: bigView, payload: {} });
    expect(first.status).toBe(202);
    const second = await submit({ operation: 'update_resolution', departmentId: world.departments.returns.id, viewId: bigView, payload: { text: 'x' } });
    expect(second.status).toBe(422);
    expect(second.body.error.rule).toBe('R-BULK-7');
    expect(second.body.error.message).toContain('All returns');
    const [other] = await server.database.db.insert(views).values({ name: 'Returns again', kind: 'normal', departmentId: world.departments.returns.id, filter: {} }).returning();
    const elsewhere = await submit({ operation: 'update_resolution', departmentId: world.departments.returns.id, viewId: other!.id, payload: { text: 'x' } });
    expect(elsewhere.status).toBe(202);
    await cancel(first.body.id);
    await cancel(elsewhere.body.id);
  });

  it('R-BULK-7 concurrent submits on one view: exactly one job is accepted', async () => {
    const body = { operation: 'update_resolution', departmentId: world.departments.returns.id, viewId: bigView, payload: { text: 'race' } };
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit(body)));
    const accepted = answers.filter((a) => a.status === 202);
    expect(accepted).toHaveLength(1);
    expect(answers.filter((a) => a.status === 422).every((a) => a.body.error.rule === 'R-BULK-7')).toBe(true);
    await cancel(accepted[0]!.body.id);
  });

  it("R-PERM-5 a job needs the operation's permission; a mass job also ticket.mass_action", async () => {
    const supportTicket = world.tickets.find((t) => t.departmentId === world.departments.support.id)!.id;
    const del = await submit({ operation: 'delete', departmentId: world.departments.support.id, ticketIds: [supportTicket], payload: {} }, world.tokens.agent);
    expect(del.status).toBe(403);
    expect(del.body.error.message).toContain('ticket.delete');
    const outside = await submit({ operation: 'close', departmentId: world.departments.returns.id, ticketIds: selection, payload: {} }, world.tokens.agent);
    expect(outside.status).toBe(403);
  });

  it('R-BULK-3 a mass move needs two departments and ticket.move in both', async () => {
    const res = await submit({ operation: 'move', departmentId: world.departments.returns.id, viewId: bigView, payload: { departmentId: world.departments.returns.id } });
    expect(res.status).toBe(422);
    expect(res.body.error.rule).toBe('R-BULK-3');
  });

  it('R-BULK-8 a queued job can be cancelled, a finished one cannot', async () => {
    const res = await submit({ operation: 'close', departmentId: world.departments.returns.id, ticketIds: selection, payload: {} });
    const cancelled = await cancel(res.body.id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await cancel(res.body.id)).status).toBe(409);
    const list = await server.request('GET', '/api/v1/jobs?status=cancelled&operation=close', { token: world.tokens.admin });
    expect(list.body.items.map((j: { id: number }) => j.id)).toContain(res.body.id);
  });
});

describe.each(databaseKinds)('a running job on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind, { jobs: 'run', jobPauseMs: 300 })));
  afterAll(() => server.close());

  it('R-BULK-8 cannot be cancelled (409) and finishes', async () => {
    const ids = world.tickets.filter((t) => t.departmentId === world.departments.support.id).map((t) => t.id);
    const res = await server.request('POST', '/api/v1/jobs', {
      token: world.tokens.admin,
      body: { operation: 'comment', departmentId: world.departments.support.id, ticketIds: ids, payload: { visibility: 'private', body: 'slow' } },
    });
    await waitForStatus(server, world.tokens.admin, res.body.id, 'running');
    const refused = await server.request('DELETE', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin });
    expect(refused.status).toBe(409);
    expect(refused.body.error.rule).toBe('R-BULK-8');
    const done = await waitForStatus(server, world.tokens.admin, res.body.id, 'completed');
    expect(done.counts.done).toBe(ids.length);
  });
});
