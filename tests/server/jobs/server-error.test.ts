import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tickets } from '../../../server/db/schema';
import type { Executor } from '../../../server/jobs/executor';
import { EXECUTORS } from '../../../server/jobs/executors';
import { SERVER_ERROR } from '../../../server/jobs/item-errors';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import { waitForJob } from './wait';

/** Issue 20, item 7: an unexpected executor error fails that one item once, with "server error" (R-BULK-10). */
describe.each(databaseKinds)('failures recorded once on %s', (kind) => {
  let server: TestServer;
  let world: World;
  const original = EXECUTORS.update_resolution!;
  const calls = new Map<number, number>();

  /** An executor that fails as `fail` says for the ticket it names, counting every call. */
  function failing(ticketId: number, fail: (call: number) => Error | null) {
    const executor: Executor = async (ctx) => {
      const call = (calls.get(ctx.ticket.id) ?? 0) + 1;
      calls.set(ctx.ticket.id, call);
      const error = ctx.ticket.id === ticketId ? fail(call) : null;
      if (error) throw error;
      return original(ctx);
    };
    EXECUTORS.update_resolution = executor;
  }

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'run' }));
  });
  afterEach(() => {
    EXECUTORS.update_resolution = original;
    calls.clear();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());

  async function threeTickets() {
    return server.database.db
      .insert(tickets)
      .values(Array.from({ length: 3 }, (_, i) => ({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: `Crash ${i}` })))
      .returning();
  }
  const submit = (ticketIds: number[]) =>
    server.request('POST', '/api/v1/jobs', {
      token: world.tokens.admin,
      body: { operation: 'update_resolution', departmentId: world.departments.support.id, ticketIds, payload: { text: 'Fixed' } },
    });

  it('an executor that throws fails its ticket with "server error", once; the others are changed and the job finishes', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const [a, bad, c] = await threeTickets();
    failing(bad!.id, () => new TypeError("Cannot read properties of undefined (reading 'x')"));
    const res = await submit([a!.id, bad!.id, c!.id]);
    expect(res.status).toBe(202);
    const job = await waitForJob(server, world.tokens.admin, res.body.id);
    expect(job).toMatchObject({ status: 'completed', counts: { total: 3, done: 2, failed: 1 } });
    expect(job.failures).toEqual([{ ticketId: bad!.id, ticketNumber: bad!.number, reason: SERVER_ERROR }]);
    expect(SERVER_ERROR).toMatch(/^Server error/);
    expect(calls.get(bad!.id)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(calls.get(bad!.id)).toBe(1);
    const logged = log.mock.calls.map((args) => String(args[0]));
    expect(logged.filter((line) => line.includes(`Job ${res.body.id}`) && line.includes(String(bad!.id)))).toHaveLength(1);
  }, 30_000);

  it('a transient database error (serialization failure) is tried again a few times, and then succeeds', async () => {
    const [a, flaky] = await threeTickets();
    failing(flaky!.id, (call) => (call <= 2 ? Object.assign(new Error('could not serialize access'), { code: '40001' }) : null));
    const res = await submit([a!.id, flaky!.id]);
    const job = await waitForJob(server, world.tokens.admin, res.body.id);
    expect(job).toMatchObject({ status: 'completed', counts: { done: 2, failed: 0 } });
    expect(calls.get(flaky!.id)).toBe(3);
  }, 30_000);

  it('a transient error that does not go away fails the item with "server error" after a few tries', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const [stuck] = await threeTickets();
    failing(stuck!.id, () => Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    const res = await submit([stuck!.id]);
    const job = await waitForJob(server, world.tokens.admin, res.body.id);
    expect(job).toMatchObject({ status: 'completed', counts: { done: 0, failed: 1 } });
    expect(job.failures[0].reason).toBe(SERVER_ERROR);
    expect(calls.get(stuck!.id)).toBeLessThanOrEqual(5);
  }, 30_000);
});
