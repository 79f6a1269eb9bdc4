import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threads, tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import type { TicketRow } from '../../../server/db/rows';

const MINUTE = 60_000;

describe.each(databaseKinds)('GET /tickets/lookup on %s', (kind) => {
  let server: TestServer;
  let world: World;
  // Each test has its own hour, so one test's mail never matches another's lookup.
  let hour = 0;
  let clock = 0;
  const at = (minutes: number) => new Date(clock + minutes * MINUTE);

  const lookup = (query: Record<string, string>, token = world.tokens.admin) => server.request('GET', `/api/v1/tickets/lookup?${new URLSearchParams(query)}`, { token });
  const ids = (res: { body: { items: TicketRow[] } }) => res.body.items.map((t) => t.id);

  async function ticket(extra: Partial<typeof tickets.$inferInsert> = {}): Promise<TicketRow> {
    const [row] = await server.database.db
      .insert(tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'Order missing', createdAt: at(0), ...extra })
      .returning();
    return row!;
  }
  /** An incoming mail as ingestion stores it: the bare sender address and the subject as sent. */
  const mail = (ticketId: number, minutes: number, subject = 'Order missing', from = 'alice@customer.test', direction = 'in') =>
    server.database.db.insert(threads).values({ ticketId, direction, channel: 'email', from, subject, bodyText: 'Where is my order?', createdAt: at(minutes) });

  beforeAll(async () => ({ server, world } = await startWorld(kind, { jobs: 'hold' })));
  afterAll(() => server.close());
  const nextHour = () => (clock = Date.parse('2026-11-03T00:00:00Z') + ++hour * 60 * MINUTE);

  it('R-PERM-5 finds the ticket an ingested message became by sender, subject and time to the minute', async () => {
    nextHour();
    const ingested = await ticket();
    await mail(ingested.id, 0.75);
    const res = await lookup({ from: 'alice@customer.test', subject: 'Order missing', sentAt: at(0).toISOString() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ id: ingested.id, number: ingested.number, webmailThreads: [] })]);
  });

  it('ignores case and spaces of the address and subject, reply prefixes and the [#1234] tag', async () => {
    nextHour();
    const ingested = await ticket();
    await mail(ingested.id, 0, `Re:  [#${ingested.number}] ORDER missing`, 'Alice Customer <Alice@Customer.test>');
    const res = await lookup({ from: 'ALICE@customer.test', subject: 'FW: re: order   Missing ', sentAt: at(2).toISOString() });
    expect(ids(res)).toEqual([ingested.id]);
    const japanese = await lookup({ from: 'alice@customer.test', subject: '返信: Order missing', sentAt: at(-2).toISOString() });
    expect(ids(japanese)).toEqual([ingested.id]);
  });

  it('answers several matches closest in time first, each ticket once', async () => {
    nextHour();
    const far = await ticket();
    const near = await ticket();
    await mail(far.id, 2.5);
    await mail(near.id, 0.5);
    await mail(near.id, -1);
    expect(ids(await lookup({ from: 'alice@customer.test', subject: 'Order missing', sentAt: at(0).toISOString() }))).toEqual([near.id, far.id]);
  });

  it('finds nothing outside ±3 minutes, from another sender, with another subject, or for our own outgoing mail', async () => {
    nextHour();
    const ingested = await ticket();
    await mail(ingested.id, 0);
    const outgoing = await ticket();
    await mail(outgoing.id, 20, 'Order missing', 'alice@customer.test', 'out');
    const query = { from: 'alice@customer.test', subject: 'Order missing' };
    expect(ids(await lookup({ ...query, sentAt: at(3.5).toISOString() }))).toEqual([]);
    expect(ids(await lookup({ ...query, sentAt: at(-3.5).toISOString() }))).toEqual([]);
    expect(ids(await lookup({ ...query, from: 'bob@customer.test', sentAt: at(0).toISOString() }))).toEqual([]);
    // An address that merely contains the sender's is another sender.
    expect(ids(await lookup({ ...query, from: 'ice@customer.test', sentAt: at(0).toISOString() }))).toEqual([]);
    expect(ids(await lookup({ ...query, subject: 'Order missing again', sentAt: at(0).toISOString() }))).toEqual([]);
    expect(ids(await lookup({ ...query, sentAt: at(20).toISOString() }))).toEqual([]);
  });

  it('R-PERM-5 lists no ticket of a department the agent cannot view; naming that department is 403', async () => {
    nextHour();
    const billing = await ticket({ departmentId: world.departments.billing.id });
    await mail(billing.id, 0);
    const query = { from: 'alice@customer.test', subject: 'Order missing', sentAt: at(0).toISOString() };
    expect(ids(await lookup(query, world.tokens.agent))).toEqual([]);
    expect(ids(await lookup(query, world.tokens.admin))).toEqual([billing.id]);
    expect(ids(await lookup({ ...query, departmentId: String(world.departments.support.id) }, world.tokens.admin))).toEqual([]);
    const refused = await lookup({ ...query, departmentId: String(world.departments.billing.id) }, world.tokens.agent);
    expect(refused.status).toBe(403);
    expect(refused.body.error.rule).toBe('R-PERM-5');
  });

  it('R-MERGE-7 answers the primary for a merged-away ticket, following merges of merges', async () => {
    nextHour();
    const primary = await ticket();
    const middle = await ticket({ mergedIntoId: primary.id, trashedAt: at(5) });
    const mergedAway = await ticket({ mergedIntoId: middle.id, trashedAt: at(4) });
    await mail(mergedAway.id, 0);
    expect(ids(await lookup({ from: 'alice@customer.test', subject: 'Order missing', sentAt: at(0).toISOString() }))).toEqual([primary.id]);
  });

  it('answers none for a ticket in the trash', async () => {
    nextHour();
    const trashed = await ticket({ trashedAt: at(10) });
    await mail(trashed.id, 0);
    expect(ids(await lookup({ from: 'alice@customer.test', subject: 'Order missing', sentAt: at(0).toISOString() }))).toEqual([]);
    await server.database.db.update(tickets).set({ trashedAt: null }).where(eq(tickets.id, trashed.id));
    expect(ids(await lookup({ from: 'alice@customer.test', subject: 'Order missing', sentAt: at(0).toISOString() }))).toEqual([trashed.id]);
  });

  it('refuses a query without a valid sender address or time', async () => {
    expect((await lookup({ from: 'not an address', subject: 'x', sentAt: at(0).toISOString() })).status).toBe(400);
    expect((await lookup({ from: 'alice@customer.test', subject: 'x', sentAt: 'yesterday' })).status).toBe(400);
  });
});
