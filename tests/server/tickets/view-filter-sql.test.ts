import { and, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketMatchesFilter } from '../../../core/rules/view-scope';
import type { ViewFilter } from '../../../core/schemas/view';
import { tickets } from '../../../server/db/schema';
import { viewFilterSql } from '../../../server/tickets/view-filter-sql';
import { toTickets } from '../../../server/tickets/ticket-rows';
import { createTestServer, databaseKinds, type TestServer } from '../harness';
import { buildWorld, type World } from '../world';

const statuses = ['open', 'on_hold', 'waiting_on_customer', 'escalated', 'closed'] as const;
const priorities = ['low', 'medium', 'high', 'urgent'] as const;
const channels = ['email', 'web', 'chat', 'phone', 'social', 'forum', 'im'] as const;

/** The extension filters its local index with core, the server with SQL: both must pick the same tickets. */
describe.each(databaseKinds)('view filters select the same tickets in SQL and in core on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let ids: number[];
  beforeAll(async () => {
    server = await createTestServer(kind);
    world = await buildWorld(server.database.db);
    const rows = await server.database.db
      .insert(tickets)
      .values(
        Array.from({ length: 70 }, (_, i) => ({
          departmentId: world.departments.support.id,
          channel: channels[i % channels.length]!,
          contactId: i % 3 ? world.contacts.alice.id : world.contacts.bob.id,
          subject: `T${i}`,
          status: statuses[i % statuses.length]!,
          priority: priorities[i % priorities.length]!,
          assigneeAgentId: i % 4 === 0 ? world.agents.agent.id : null,
          assigneeTeamId: i % 6 === 0 ? world.teams.tier2.id : null,
          tags: i % 5 === 0 ? ['vip'] : i % 5 === 1 ? ['outage', 'vip'] : [],
          blueprintId: i % 7 === 0 ? world.blueprint.id : null,
          spam: i % 11 === 0,
        })),
      )
      .returning({ id: tickets.id });
    ids = rows.map((r) => r.id);
  });
  afterAll(() => server.close());

  const filtersOf = (w: World): [string, ViewFilter][] => [
    ['empty', {}],
    ['statuses', { statuses: ['open', 'escalated'] }],
    ['an empty list matches nothing', { statuses: [] }],
    ['priorities and channels', { priorities: ['high', 'urgent'], channels: ['email', 'social'] }],
    ['assignee agent', { assigneeAgentIds: [w.agents.agent.id] }],
    ['assignee team', { assigneeTeamIds: [w.teams.tier2.id] }],
    ['unassigned', { unassigned: true }],
    ['assigned', { unassigned: false }],
    ['tags any-of', { tags: ['outage'] }],
    ['blueprint', { blueprintId: w.blueprint.id }],
    ['spam only', { spam: true }],
    ['contact', { contactIds: [w.contacts.bob.id] }],
  ];

  it('every kind of criterion', async () => {
    const db = server.database.db;
    const all = await toTickets(db, await db.select().from(tickets).where(inArray(tickets.id, ids)));
    for (const [name, filter] of filtersOf(world)) {
      const expected = all
        .filter((t) => ticketMatchesFilter(t, filter))
        .map((t) => t.id)
        .sort((a, b) => a - b);
      const actual = (
        await db
          .select({ id: tickets.id })
          .from(tickets)
          .where(and(inArray(tickets.id, ids), viewFilterSql(filter)))
      )
        .map((r) => r.id)
        .sort((a, b) => a - b);
      expect(actual, name).toEqual(expected);
      expect(actual.length > 0, name).toBe(name !== 'an empty list matches nothing');
    }
  });
});
