import { eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../server/db/schema';
import { TRASH_DAYS } from '../../../core/schemas/admin';
import { purgeTrash } from '../../../server/tickets/trash-purge';
import { createTestServer, databaseKinds, type TestServer } from '../harness';
import { buildWorld, type World } from '../world';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(databaseKinds)('trash purge on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let jobId: number;
  const db = () => server.database.db;

  /** A ticket with one row in every table that hangs off a ticket. */
  async function ticketWithRows(label: string, trashedAt: Date | null) {
    const [ticket] = await db()
      .insert(t.tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: label, trashedAt })
      .returning();
    const ticketId = ticket!.id;
    await db().insert(t.threads).values({ ticketId, direction: 'in', channel: 'email', from: 'alice@customer.test', bodyText: label });
    await db().insert(t.comments).values({ ticketId, visibility: 'private', body: label, authorAgentId: world.agents.admin.id });
    await db().insert(t.ticketHistory).values({ ticketId, agentId: world.agents.admin.id, action: 'created' });
    await db()
      .insert(t.ticketWebmailThreads)
      .values({ ticketId, provider: 'gmail', mailbox: 'support@acme.test', threadId: `thread-${label}` });
    await db()
      .insert(t.ticketTasks)
      .values({ ticketId, title: `Follow up ${label}`, dueAt: new Date() });
    await db().insert(t.jobItems).values({ jobId, ticketId, seq: ticketId });
    return ticketId;
  }

  /** How many rows each ticket-dependent table still holds for these tickets. */
  async function rowsOf(ids: number[]) {
    const n = (table: PgTable, column: PgColumn) => db().$count(table, inArray(column, ids));
    return {
      tickets: await n(t.tickets, t.tickets.id),
      threads: await n(t.threads, t.threads.ticketId),
      comments: await n(t.comments, t.comments.ticketId),
      history: await n(t.ticketHistory, t.ticketHistory.ticketId),
      tasks: await n(t.ticketTasks, t.ticketTasks.ticketId),
      webmail: await n(t.ticketWebmailThreads, t.ticketWebmailThreads.ticketId),
      jobItems: await n(t.jobItems, t.jobItems.ticketId),
    };
  }

  beforeAll(async () => {
    server = await createTestServer(kind);
    world = await buildWorld(db());
    const [job] = await db()
      .insert(t.jobs)
      .values({ operation: 'delete', mode: 'bulk', payload: {}, departmentId: world.departments.support.id, initiatorId: world.agents.admin.id })
      .returning();
    jobId = job!.id;
  });
  afterAll(() => server.close());

  it(`R-BULK-11 purges a ticket trashed more than ${TRASH_DAYS} days ago with all its rows, keeps younger trash and live tickets`, async () => {
    const now = new Date();
    const expired = await ticketWithRows('expired', new Date(now.getTime() - 61 * DAY_MS));
    const young = await ticketWithRows('young', new Date(now.getTime() - 59 * DAY_MS));
    const live = await ticketWithRows('live', null);

    expect(await purgeTrash(db(), now)).toBe(1);

    expect(await rowsOf([expired])).toEqual({ tickets: 0, threads: 0, comments: 0, history: 0, tasks: 0, webmail: 0, jobItems: 0 });
    const kept = { tickets: 2, threads: 2, comments: 2, history: 2, tasks: 2, webmail: 2, jobItems: 2 };
    expect(await rowsOf([young, live])).toEqual(kept);
    expect(await purgeTrash(db(), now)).toBe(0);
  });

  it('R-BULK-11 the young ticket goes once it passes 60 days in the trash', async () => {
    const [young] = await db().select().from(t.tickets).where(eq(t.tickets.subject, 'young'));
    expect(await purgeTrash(db(), new Date(young!.trashedAt!.getTime() + TRASH_DAYS * DAY_MS))).toBe(0);
    expect(await purgeTrash(db(), new Date(young!.trashedAt!.getTime() + TRASH_DAYS * DAY_MS + 1))).toBe(1);
    expect((await rowsOf([young!.id])).tickets).toBe(0);
  });

  it('R-BULK-11 purges more tickets than one batch holds', async () => {
    const trashedAt = new Date(Date.now() - 90 * DAY_MS);
    const many = Array.from({ length: 5_001 }, (_, i) => ({
      departmentId: world.departments.returns.id,
      channel: 'phone',
      contactId: world.contacts.bob.id,
      subject: `Old ${i}`,
      trashedAt,
    }));
    await db().insert(t.tickets).values(many);
    expect(await purgeTrash(db())).toBe(5_001);
    expect(await db().$count(t.tickets, eq(t.tickets.departmentId, world.departments.returns.id))).toBe(1);
  });
});
