import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { contacts, departments, satisfactionRatings, threads, ticketHistory, tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import { Browser } from './browser';
import { customer, message, ticket } from './fixtures';

describe.each(databaseKinds)('help center forms on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let support: number;
  let returns: number;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
    support = world.departments.support.id;
    returns = world.departments.returns.id;
  });
  afterAll(() => server.close());

  const reload = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0]!;

  /** A signed-in customer with one ticket, and a way to post that ticket's forms. */
  async function visit(departmentId = support, values: Partial<typeof tickets.$inferInsert> = {}) {
    const person = await customer(db);
    const row = await ticket(db, { departmentId, contactId: person.id, subject: 'Broken router', ...values });
    const browser = new Browser(server);
    await browser.signIn(departmentId, person.email!);
    const csrf = await browser.csrf(departmentId);
    const page = `/help/${departmentId}/tickets/${row.id}`;
    const post = (action: string, form: Record<string, string>) => browser.post(`${page}/${action}`, { csrf, ...form });
    return { person, ticket: row, browser, page, post };
  }

  describe('reply', () => {
    it("adds an incoming web message from the customer, bumps the ticket, and records 'customer_replied' by no agent", async () => {
      const { person, ticket: row, browser, page, post } = await visit();
      const res = await post('replies', { body: '  It still blinks red.  ' });
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe(`${page}?flash=replied`);
      const [thread] = await db.select().from(threads).where(eq(threads.ticketId, row.id));
      expect(thread).toMatchObject({
        direction: 'in',
        channel: 'web',
        from: person.email,
        to: ['support@acme.test'],
        subject: 'Re: Broken router',
        bodyText: 'It still blinks red.',
      });
      const after = await reload(row.id);
      expect(after.version).toBe(row.version + 1);
      expect(after.updatedAt.getTime()).toBeGreaterThan(row.updatedAt.getTime());
      expect(after.status).toBe('open');
      const [history] = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, row.id));
      expect(history).toMatchObject({ action: 'customer_replied', agentId: null, changes: { threadId: thread!.id } });
      const shown = await browser.get(res.headers.get('Location')!);
      expect(shown.text).toContain('Your reply was sent.');
      expect(shown.text).toMatch(/<h3>You<\/h3>[\s\S]*It still blinks red\./);
    });

    it('reopens a closed ticket', async () => {
      const { ticket: row, post } = await visit(support, { status: 'closed' });
      expect((await post('replies', { body: 'Sorry, one more thing' })).status).toBe(303);
      expect((await reload(row.id)).status).toBe('open');
      const [history] = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, row.id));
      expect(history!.changes).toMatchObject({ status: { from: 'closed', to: 'open' } });
    });

    it('sends nothing for an empty message', async () => {
      const { ticket: row, page, post } = await visit();
      const res = await post('replies', { body: '   ' });
      expect(res.headers.get('Location')).toBe(`${page}?flash=reply_empty`);
      expect(await db.select().from(threads).where(eq(threads.ticketId, row.id))).toEqual([]);
      expect((await reload(row.id)).version).toBe(row.version);
    });

    it("R-CC-8 is refused on another contact's ticket (404)", async () => {
      const theirs = await ticket(db, { departmentId: support, contactId: world.contacts.alice.id });
      const { browser } = await visit();
      const csrf = await browser.csrf(support);
      expect((await browser.post(`/help/${support}/tickets/${theirs.id}/replies`, { csrf, body: 'hi' })).status).toBe(404);
      expect(await db.select().from(threads).where(eq(threads.ticketId, theirs.id))).toEqual([]);
    });
  });

  describe('add a CC', () => {
    it('R-CC-4 R-CC-6 adds a typed address as a new contact, who can then follow the ticket', async () => {
      const { ticket: row, browser, page, post } = await visit();
      const res = await post('cc', { email: 'New.Partner@partner.example', name: 'New Partner' });
      expect(res.status, res.text).toBe(303);
      expect(res.headers.get('Location')).toBe(`${page}?flash=cc_added`);
      const [added] = await db.select().from(contacts).where(eq(contacts.email, 'new.partner@partner.example'));
      expect(added).toMatchObject({ name: 'New Partner' });
      expect((await reload(row.id)).secondaryContactIds).toEqual([added!.id]);
      const shown = await browser.get(res.headers.get('Location')!);
      expect(shown.text).toContain('The secondary contact was added.');
      expect(shown.text).toContain('<li>New Partner</li>');
      const cc = new Browser(server);
      await cc.signIn(support, added!.email!);
      expect((await cc.get(page)).status).toBe(200);
    });

    it('R-CC-3 refuses a forbidden address, naming it and the reason', async () => {
      const { ticket: row, post } = await visit();
      const res = await post('cc', { email: 'support@acme.test' });
      expect(res.status).toBe(422);
      expect(res.text).toContain('The secondary contact was not added:');
      expect(res.text).toContain('<strong>R-CC-3</strong>: support@acme.test cannot be a secondary contact: it is a support address of department Support.');
      expect(res.text).toContain('value="support@acme.test"');
      expect((await reload(row.id)).secondaryContactIds).toEqual([]);
      const deleted = await post('cc', { email: world.contacts.deleted.email! });
      expect(deleted.text).toContain('a deleted contact');
    });

    it('R-CC-1 refuses where the department has CC off, and offers no form there', async () => {
      const { ticket: row, browser, page, post } = await visit(returns);
      expect((await browser.get(page)).text).not.toContain('name="email"');
      const res = await post('cc', { email: 'someone@partner.example' });
      expect(res.status).toBe(422);
      expect(res.text).toContain('<strong>R-CC-1</strong>');
      expect((await reload(row.id)).secondaryContactIds).toEqual([]);
    });

    it('R-CC-6 refuses where customers may not add CCs', async () => {
      const { ticket: row, browser, page, post } = await visit();
      const features = world.departments.support.features;
      try {
        await db
          .update(departments)
          .set({ features: { ...features, ccOptions: { ...features.ccOptions, customersMayAddCc: false } } })
          .where(eq(departments.id, support));
        expect((await browser.get(page)).text).not.toContain('id="cc-email"');
        const res = await post('cc', { email: 'someone@partner.example' });
        expect(res.status).toBe(422);
        expect(res.text).toContain('<strong>R-CC-6</strong>');
      } finally {
        await db.update(departments).set({ features }).where(eq(departments.id, support));
      }
      expect((await reload(row.id)).secondaryContactIds).toEqual([]);
    });
  });

  describe('rate satisfaction', () => {
    const ratingsOf = (ticketId: number) => db.select().from(satisfactionRatings).where(eq(satisfactionRatings.ticketId, ticketId));

    it('R-CC-8 is offered only once support has replied; a second rating replaces the first', async () => {
      const { person, ticket: row, browser, page, post } = await visit();
      expect((await browser.get(page)).text).not.toContain('Rate our support');
      const early = await post('rating', { rating: 'good' });
      expect(early.status).toBe(422);
      expect(early.text).toContain('You can rate once support has answered or the ticket is closed.');
      expect(await ratingsOf(row.id)).toEqual([]);

      await message(db, row.id, { direction: 'out', from: 'noreply@acme.test', bodyText: 'Try turning it off and on.' });
      expect((await browser.get(page)).text).toContain('Rate our support');
      expect((await post('rating', { rating: 'good', comment: 'Quick answer' })).headers.get('Location')).toBe(`${page}?flash=rated`);
      expect(await ratingsOf(row.id)).toEqual([expect.objectContaining({ contactId: person.id, rating: 'good', comment: 'Quick answer' })]);
      await post('rating', { rating: 'bad', comment: 'It broke again' });
      expect(await ratingsOf(row.id)).toEqual([expect.objectContaining({ contactId: person.id, rating: 'bad', comment: 'It broke again' })]);
      const shown = (await browser.get(page)).text;
      expect(shown).toContain('Your rating: Bad');
      expect(shown).toContain('value="bad" checked');
      expect((await post('rating', { rating: 'meh' })).headers.get('Location')).toBe(`${page}?flash=rating_invalid`);
    });

    it('R-CC-8 is offered on a closed ticket, to a secondary contact too, each keeping their own rating', async () => {
      const { person, ticket: row, post } = await visit(support, { status: 'closed' });
      const cc = await customer(db);
      await db
        .update(tickets)
        .set({ secondaryContactIds: [cc.id] })
        .where(eq(tickets.id, row.id));
      expect((await post('rating', { rating: 'good' })).status).toBe(303);
      const ccBrowser = new Browser(server);
      await ccBrowser.signIn(support, cc.email!);
      const csrf = await ccBrowser.csrf(support);
      expect((await ccBrowser.post(`/help/${support}/tickets/${row.id}/rating`, { csrf, rating: 'bad' })).status).toBe(303);
      const rows = await ratingsOf(row.id);
      expect(rows.map((r) => [r.contactId, r.rating]).sort()).toEqual(
        [
          [person.id, 'good'],
          [cc.id, 'bad'],
        ].sort(),
      );
    });
  });
});
