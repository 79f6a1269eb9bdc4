/**
 * One database's mass benchmark, run as its own process by mass.ts so its peak RSS is this run's
 * alone: `mass-measure.ts pglite|postgres` sends its figures to the parent.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { views } from '../../server/db/schema';
import { createTestServer, type TestServer } from '../server/harness';
import { buildWorld, type World } from '../server/world';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 200_000);

export interface Figures {
  engineMs: number;
  floorMs: number;
  peakRssMb: number;
}

function watchRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function waitDone(server: TestServer, token: string, id: number) {
  for (;;) {
    const job = (await server.request('GET', `/api/v1/jobs/${id}`, { token })).body;
    if (job.status === 'completed') return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runThroughEngine(server: TestServer, world: World, viewId: number, operation: string, payload: object): Promise<{ ms: number; rss: number }> {
  const stop = watchRss();
  const ms = await timed(async () => {
    const res = await server.request('POST', '/api/v1/jobs', { token: world.tokens.admin, body: { operation, departmentId: world.departments.returns.id, viewId, payload } });
    if (res.status !== 202) throw new Error(JSON.stringify(res.body));
    const job = await waitDone(server, world.tokens.admin, res.body.id);
    if (job.counts.done !== TICKETS) throw new Error(`only ${job.counts.done} of ${TICKETS} changed`);
  });
  return { ms, rss: stop() };
}

async function seed(db: Db, world: World, tag: string) {
  await db.execute(sql`insert into tickets (department_id, channel, contact_id, subject, tags)
    select ${world.departments.returns.id}, 'email', ${world.contacts.bob.id}, 'Bulk ' || g, array[${tag}::text] from generate_series(1, ${TICKETS}) g`);
}

async function measure(kind: 'pglite' | 'postgres'): Promise<Record<string, Figures>> {
  const server = await createTestServer(kind, { jobs: 'run' });
  try {
    const db = server.database.db;
    const world = await buildWorld(db);
    const tag = `bench-${randomBytes(4).toString('hex')}`;
    await seed(db, world, tag);
    const [view] = await db
      .insert(views)
      .values({ name: 'Bench', kind: 'normal', departmentId: world.departments.returns.id, filter: { tags: [tag] } })
      .returning();
    const viewId = view!.id;
    const mine = sql`${tag} = any(tags)`;
    // Floor and engine each start from a vacuumed table, so neither pays for the other's dead rows.
    const settle = () => db.execute(sql`vacuum analyze tickets`);
    await settle();
    const assignFloor = await timed(() => db.execute(sql`update tickets set assignee_agent_id = ${world.agents.lead.id}, version = version + 1, updated_at = now() where ${mine}`));
    await settle();
    const assign = await runThroughEngine(server, world, viewId, 'assign', { agentId: world.agents.admin.id });
    await settle();
    const moveFloor = await timed(() =>
      db.execute(sql`update tickets set department_id = ${world.departments.billing.id}, version = version + 1, updated_at = now() where ${mine}`),
    );
    await db.execute(sql`update tickets set department_id = ${world.departments.returns.id} where ${mine}`);
    await settle();
    const move = await runThroughEngine(server, world, viewId, 'move', { departmentId: world.departments.billing.id });
    return {
      'mass assign': { engineMs: assign.ms, floorMs: assignFloor, peakRssMb: assign.rss },
      'mass move': { engineMs: move.ms, floorMs: moveFloor, peakRssMb: move.rss },
    };
  } finally {
    await server.close();
  }
}

const kind = process.argv[2];
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('usage: mass-measure.ts pglite|postgres');
process.send!(await measure(kind));
process.exit(0);
