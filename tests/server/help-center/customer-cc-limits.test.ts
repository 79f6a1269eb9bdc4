import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_CC_PER_CUSTOMER_PER_DAY, CUSTOMER_CC_PER_TICKET_PER_DAY } from '../../../core/rules/customer-cc-limits';
import type { Db } from '../../../server/db/client';
import { contacts, outgoingMail, ticketHistory, tickets } from '../../../server/db/schema';
import { Mailers } from '../../../server/mail/mailers';
import { databaseKinds, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';
import { Browser } from './browser';
import { customer, ticket } from './fixtures';

/**
 * Issue 21 item 6: with "Customers may add CCs" on, an outsider who mailed support must not turn the
 * help desk into a relay: limits per ticket and per customer a day, a notice without their text in
 * its subject, and a history that says who added whom.
 */
describe.each(databaseKinds)('customers adding CCs in the help center, within limits, on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let peer: SmtpPeer;
  let mailers: Mailers;
  let support: number;
  let n = 0;

  beforeAll(async () => {
    peer = new SmtpPeer();
    await peer.start();
    mailers = new Mailers(peer.url);
    ({ server, world } = await startWorld(kind, { mailers }));
    db = server.database.db;
    support = world.departments.support.id;
  });
  afterEach(() => {
    peer.received.length = 0;
  });
  afterAll(async () => {
    await server.close();
    mailers.close();
    await peer.stop();
  });

  const followersOf = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0]!.secondaryContactIds;
  const address = (label: string) => `${label}-${kind}-${++n}@relay-target.example`;

  /** A signed-in outsider with tickets of their own, and a way to add a CC to one of them. */
  async function outsider(ticketCount = 1, subject = 'Hello') {
    const person = await customer(db);
    const rows = [];
    for (let i = 0; i < ticketCount; i++) rows.push(await ticket(db, { departmentId: support, contactId: person.id, subject }));
    const browser = new Browser(server);
    await browser.signIn(support, person.email!);
    const csrf = await browser.csrf(support);
    const addCc = (ticketId: number, email: string) => browser.post(`/help/${support}/tickets/${ticketId}/cc`, { csrf, email });
    return { person, tickets: rows, browser, addCc };
  }

  /** Makes the customer additions on these tickets a day and an hour old, as if made yesterday. */
  const age = (ticketIds: number[]) =>
    db
      .update(ticketHistory)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(and(eq(ticketHistory.action, 'secondary_contacts'), sql`${ticketHistory.ticketId} in (${sql.join(ticketIds, sql`, `)})`));

  it(`R-CC-6 takes ${CUSTOMER_CC_PER_TICKET_PER_DAY} addresses on one ticket a day, and refuses the next saying the limit and what to do`, async () => {
    const {
      tickets: [row],
      browser,
      addCc,
    } = await outsider();
    // The form says the limits before anyone runs into them.
    expect((await browser.get(`/help/${support}/tickets/${row!.id}`)).text).toContain(
      'Up to 5 people can be added to one ticket a day, and up to 10 a day by you over all your tickets. For more, reply and ask support.',
    );
    for (let i = 0; i < CUSTOMER_CC_PER_TICKET_PER_DAY; i++) expect((await addCc(row!.id, address('ok'))).status).toBe(303);
    const refused = address('sixth');
    const res = await addCc(row!.id, refused);
    expect(res.status).toBe(422);
    expect(res.text).toContain('<strong>R-CC-6</strong>');
    expect(res.text).toContain(`Ticket #${row!.number} already had 5 addresses added from the help center in the last 24 hours; at most 5 a day may be added to one ticket.`);
    expect(res.text).toMatch(/Add this one after \d{4}-\d\d-\d\d \d\d:\d\d UTC, or reply to the ticket and ask support to copy them in\./);
    expect(await followersOf(row!.id)).toHaveLength(5);
    expect(await db.select().from(contacts).where(eq(contacts.email, refused))).toEqual([]);
    await server.notices.kick();
    expect(peer.received.filter((r) => r.to.includes(refused))).toEqual([]);
    // A day later the ticket takes more.
    await age([row!.id]);
    expect((await addCc(row!.id, refused)).status).toBe(303);
  });

  it('the per-ticket limit counts every customer of the ticket: its secondary contact cannot add more once the customer used it up', async () => {
    const {
      tickets: [row],
      addCc,
    } = await outsider();
    const firsts = Array.from({ length: CUSTOMER_CC_PER_TICKET_PER_DAY }, () => address('first'));
    for (const email of firsts) await addCc(row!.id, email);
    const colleague = new Browser(server);
    await colleague.signIn(support, firsts[0]!);
    const csrf = await colleague.csrf(support);
    const res = await colleague.post(`/help/${support}/tickets/${row!.id}/cc`, { csrf, email: address('colleague') });
    expect(res.status).toBe(422);
    expect(res.text).toContain('at most 5 a day may be added to one ticket');
  });

  it(`R-CC-6 takes ${CUSTOMER_CC_PER_CUSTOMER_PER_DAY} addresses from one customer a day over all their tickets, then refuses`, async () => {
    const { tickets: rows, addCc } = await outsider(3);
    for (const row of rows.slice(0, 2)) for (let i = 0; i < 5; i++) expect((await addCc(row.id, address('many'))).status).toBe(303);
    const res = await addCc(rows[2]!.id, address('eleventh'));
    expect(res.status).toBe(422);
    expect(res.text).toContain('You added 10 addresses from the help center in the last 24 hours; at most 10 a day may be added by one customer.');
    expect(await followersOf(rows[2]!.id)).toEqual([]);
    // Another customer is not held back by this one.
    const other = await outsider();
    expect((await other.addCc(other.tickets[0]!.id, address('other'))).status).toBe(303);
  });

  it('an agent can still add the address the customer could not (the refusal says to ask support)', async () => {
    const {
      tickets: [row],
      addCc,
    } = await outsider();
    for (let i = 0; i < CUSTOMER_CC_PER_TICKET_PER_DAY; i++) await addCc(row!.id, address('filled'));
    const current = (await db.select().from(tickets).where(eq(tickets.id, row!.id)))[0]!;
    const res = await server.request('PUT', `/api/v1/tickets/${row!.id}/secondary-contacts`, {
      token: world.tokens.admin,
      body: { version: current.version, contacts: [...current.secondaryContactIds.map((id) => ({ id })), { email: address('by-agent') }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it("the CC's notice does not repeat the customer's subject; it names who added them, from the support address", async () => {
    const {
      person,
      tickets: [row],
      addCc,
    } = await outsider(1, 'WIN A FREE PHONE at http://evil.example');
    const target = address('target');
    expect((await addCc(row!.id, target)).status).toBe(303);
    await server.notices.kick();
    const [mail] = peer.received.filter((r) => r.to.includes(target));
    expect(mail?.mail.subject).toBe(`[#${row!.number}] Support: you were added as a secondary contact (CC)`);
    expect(mail?.mail.text).toContain(`${person.email} added you to ticket #${row!.number} in the help center of Support`);
    expect(`${mail?.mail.subject} ${mail?.mail.text}`).not.toContain('evil.example');
    expect(mail?.from).toBe('noreply@acme.test');
    const [stored] = await db
      .select()
      .from(outgoingMail)
      .where(and(eq(outgoingMail.kind, 'cc_notice'), sql`${target} = any(${outgoingMail.to})`));
    expect(stored!.subject).not.toContain('WIN');
  });

  it('the history names the customer who added the CC and whom they added', async () => {
    const {
      person,
      tickets: [row],
      addCc,
    } = await outsider();
    const target = address('named');
    await addCc(row!.id, target);
    const [added] = await db.select().from(contacts).where(eq(contacts.email, target));
    const res = await server.request('GET', `/api/v1/tickets/${row!.id}/history`, { token: world.tokens.admin });
    expect(res.status).toBe(200);
    const entry = res.body.items.find((e: { action: string }) => e.action === 'secondary_contacts');
    expect(entry).toMatchObject({ agentId: null, changes: { byContact: { id: person.id, email: person.email }, added: [{ id: added!.id, email: target }] } });
  });

  it("R-CC-3 refuses an agent's address from the help center too", async () => {
    const {
      tickets: [row],
      addCc,
    } = await outsider();
    const res = await addCc(row!.id, 'Lead@Acme.test');
    expect(res.status).toBe(422);
    expect(res.text).toContain('<strong>R-CC-3</strong>: Lead@Acme.test cannot be a secondary contact: it is an agent&#39;s address.');
  });
});
