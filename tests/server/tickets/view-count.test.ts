import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** A view's count is what "select all in this view" takes: it must equal the same question asked in plain SQL. */
describe.each(databaseKinds)('view counts over 10,000 tickets on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    const dept = world.departments.support.id;
    await server.database.db.execute(sql`
      insert into tickets (department_id, channel, contact_id, subject, status, priority, assignee_agent_id, account, tags, custom_fields, spam, created_at)
      select ${dept}, (array['email','chat','web'])[1 + i % 3], ${world.contacts.alice.id}, 'Generated ' || i,
        (array['open','on_hold','escalated','closed'])[1 + i % 4], (array['low','medium','high','urgent'])[1 + i % 4],
        case when i % 5 = 0 then ${world.agents.agent.id}::bigint end, case when i % 2 = 0 then 'Acme' end,
        case when i % 6 = 0 then array['vip'] else '{}'::text[] end,
        jsonb_build_object('tier', (array['gold','silver','bronze'])[1 + i % 3], 'seats', i % 50),
        i % 97 = 0, timestamptz '2026-01-01' + (i || ' minutes')::interval
      from generate_series(1, 10000) as i`);
  }, 60_000);
  afterAll(() => server.close());

  const cases: [string, Record<string, unknown>, string][] = [
    [
      'high, unassigned',
      { priorities: ['high', 'urgent'], unassigned: true },
      `priority in ('high','urgent') and assignee_agent_id is null and assignee_team_id is null and not spam`,
    ],
    [
      'gold tier with 10 or 20 seats',
      { customFields: { tier: ['gold'], seats: [10, 20] } },
      `custom_fields->>'tier' = 'gold' and (custom_fields->'seats')::int in (10, 20) and not spam`,
    ],
    [
      'open or on hold for Acme, created in the first two days',
      { statuses: ['open', 'on_hold'], accounts: ['Acme'], createdAt: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T23:59:59Z' } },
      `status in ('open','on_hold') and account = 'Acme' and created_at between '2026-01-01T00:00:00Z' and '2026-01-02T23:59:59Z' and not spam`,
    ],
    ['vip e-mails, spam only', { tags: ['vip'], channels: ['email'], spam: true }, `'vip' = any(tags) and channel = 'email' and spam`],
  ];

  it.each(cases)('%s', async (name, filter, where) => {
    const view = await server.request('POST', '/api/v1/views', { token: world.tokens.admin, body: { departmentId: world.departments.support.id, name, filter } });
    expect(view.status).toBe(201);
    const counted = await server.request('GET', `/api/v1/views/${view.body.id}/count`, { token: world.tokens.admin });
    const direct = await server.database.db.execute(
      sql.raw(`select count(*)::int as n from tickets where department_id = ${world.departments.support.id} and trashed_at is null and merged_into_id is null and ${where}`),
    );
    const expected = Number((direct as unknown as { rows: { n: number }[] }).rows[0]!.n);
    expect(expected).toBeGreaterThan(0);
    expect(counted.body.total).toBe(expected);
  });
});
