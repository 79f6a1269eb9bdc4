import { and, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketMatchesFilter } from '../../../core/rules/view-scope';
import type { CustomFieldValue } from '../../../core/schemas/ticket';
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
          account: i % 3 === 0 ? "O'Brien & Co 100%" : i % 3 === 1 ? '株式会社テスト' : null,
          customFields:
            i % 4 === 0
              ? { orderNumber: `DM-${i}` }
              : i % 4 === 1
                ? { "size'; drop table tickets;--": 42, rush: true }
                : i % 4 === 2
                  ? { rush: null }
                  : ({} as Record<string, CustomFieldValue>),
          createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
          updatedAt: new Date(Date.UTC(2026, 6, 1 + i)),
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
    ['accounts with quotes, % and unicode stay data', { accounts: ["O'Brien & Co 100%", '株式会社テスト'] }],
    ['a LIKE pattern is not a pattern', { accounts: ['%'] }],
    ['assigned to me', { assigneeMe: true }],
    ['not assigned to me', { assigneeMe: false }],
    ['created in a range', { createdAt: { from: '2026-01-10T00:00:00Z', to: '2026-02-01T00:00:00Z' } }],
    ['updated since', { updatedAt: { from: '2026-08-15T00:00:00Z' } }],
    ['custom field text', { customFields: { orderNumber: ['DM-0', 'DM-8', 'DM-404'] } }],
    ['custom field number under a hostile key', { customFields: { "size'; drop table tickets;--": [42] } }],
    ['custom field boolean and null', { customFields: { rush: [true, null] } }],
    ['two custom fields at once', { customFields: { rush: [true], "size'; drop table tickets;--": [42, 43] } }],
    ['a huge list stays parameters', { contactIds: Array.from({ length: 1000 }, (_, i) => (i === 999 ? w.contacts.alice.id : 100000 + i)) }],
  ];
  const noneExpected = new Set(['an empty list matches nothing', 'a LIKE pattern is not a pattern']);

  it('every kind of criterion', async () => {
    const db = server.database.db;
    const viewer = { agentId: world.agents.agent.id };
    const all = await toTickets(db, await db.select().from(tickets).where(inArray(tickets.id, ids)));
    for (const [name, filter] of filtersOf(world)) {
      const expected = all
        .filter((t) => ticketMatchesFilter(t, filter, viewer))
        .map((t) => t.id)
        .sort((a, b) => a - b);
      const actual = (
        await db
          .select({ id: tickets.id })
          .from(tickets)
          .where(and(inArray(tickets.id, ids), viewFilterSql(filter, viewer)))
      )
        .map((r) => r.id)
        .sort((a, b) => a - b);
      expect(actual, name).toEqual(expected);
      expect(actual.length > 0, name).toBe(!noneExpected.has(name));
    }
    // The hostile key was a value all along: the table is still there.
    expect((await db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ids))).length).toBe(70);
  });
});
