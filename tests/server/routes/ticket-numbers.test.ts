import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import type { TicketRow } from '../../../server/db/rows';

/** Issue 20, item 4: agents know ticket numbers, so every message names tickets by number, never by id. */
describe.each(databaseKinds)('ticket numbers in messages on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let primary: TicketRow;
  let away: TicketRow;

  const request = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1${path}`, { token: world.tokens.admin, body });
  /** The words must not name the ticket's id as if it were a ticket ("ticket 287", "#287"). */
  const namesNoId = (message: string, ...rows: TicketRow[]) => {
    for (const row of rows) expect(message).not.toMatch(new RegExp(`(ticket |#)${row.id}\\b`, 'i'));
  };

  async function supportTicket(values: Partial<typeof tickets.$inferInsert> = {}) {
    const [row] = await server.database.db
      .insert(tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'Numbers', lastThreadChannel: 'email', ...values })
      .returning();
    return row!;
  }

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    // Numbers and ids apart, as in any real desk, so a message naming the id cannot pass for the number.
    await server.database.db.execute(`select setval(pg_get_serial_sequence('tickets', 'number'), 1259)`);
    primary = await supportTicket();
    away = await supportTicket({ mergedIntoId: primary.id, trashedAt: new Date() });
    expect(primary.number).not.toBe(primary.id);
  });
  afterAll(() => server.close());

  it('editing a merged-away ticket: the 409 names both tickets by number, the id stays in the details', async () => {
    const res = await request('PATCH', `/tickets/${away.id}`, { version: away.version, priority: 'high' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`Ticket #${away.number} was merged into #${primary.number}; edit #${primary.number}.`);
    expect(res.body.error.details).toEqual({ mergedIntoId: primary.id });
  });

  it('commenting on a merged-away ticket names its primary by number', async () => {
    const res = await request('POST', `/tickets/${away.id}/comments`, { visibility: 'private', body: 'note' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`Ticket #${away.number} was merged into #${primary.number}; comment on #${primary.number}.`);
  });

  it('R-MERGE-7 merging a merged-away ticket again names it and its primary by number', async () => {
    const other = await supportTicket();
    const res = await request('POST', '/merge/preview', { ticketIds: [other.id, away.id] });
    const message = res.body.violations.find((v: { rule: string }) => v.rule === 'R-MERGE-7').message;
    expect(message).toBe(`#${away.number} was already merged into #${primary.number}; merge #${primary.number} instead.`);
    namesNoId(message, away, primary);
  });

  it('R-REPLY-4 a bulk reply to a social ticket names it by number, in the pre-check and in the job', async () => {
    const social = await supportTicket({ channel: 'social', lastThreadChannel: 'chat' });
    const body = { departmentId: world.departments.support.id, ticketIds: [social.id], payload: { body: 'Hi' } };
    const preview = await request('POST', '/replies/preview', body);
    const reason: string = preview.body.tickets[0].reason;
    expect(reason).toMatch(new RegExp(`^R-REPLY-4: #${social.number} is a social ticket`));
    namesNoId(reason, social);
    const job = await request('POST', '/jobs', { operation: 'reply', ...body });
    await runJob(server.database.db, job.body.id);
    const listed = (await request('GET', `/jobs/${job.body.id}`)).body;
    expect(listed.failures).toEqual([{ ticketId: social.id, ticketNumber: social.number, reason }]);
  });

  it('R-BULK-15 a blueprint refusal names the ticket by number', async () => {
    const [bound] = await server.database.db
      .update(tickets)
      .set({ blueprintId: world.blueprint.id, departmentId: world.departments.billing.id })
      .where(eq(tickets.id, (await supportTicket()).id))
      .returning();
    const res = await request('POST', '/jobs/preview', {
      operation: 'update_field',
      departmentId: world.departments.billing.id,
      ticketIds: [bound!.id],
      payload: { field: 'status', value: 'on_hold' },
    });
    const reason: string = res.body.tickets[0].reason;
    expect(reason).toContain('R-BULK-15');
    expect(reason).toContain(`#${bound!.number}`);
    namesNoId(reason, bound!);
  });
});
