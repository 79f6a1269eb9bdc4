import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDepartmentFeatures } from '../../../core/schemas/department';
import type { Db } from '../../../server/db/client';
import { departments, tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import { Browser } from './browser';
import { comment, customer, message, ticket } from './fixtures';

const MINUTE = 60_000;

describe.each(databaseKinds)('help center ticket access on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let support: number;
  let returns: number;
  const clock = Date.parse('2026-10-01T09:00:00Z');
  const at = (minutes: number) => new Date(clock + minutes * MINUTE);

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
    support = world.departments.support.id;
    returns = world.departments.returns.id;
  });
  afterAll(() => server.close());

  async function signedIn(departmentId: number, email: string, headers?: Record<string, string>) {
    const browser = new Browser(server, headers);
    expect((await browser.signIn(departmentId, email)).status).toBe(303);
    return browser;
  }
  const setFeatures = (id: number, features: typeof defaultDepartmentFeatures) => db.update(departments).set({ features }).where(eq(departments.id, id));

  it("R-CC-8 another contact's ticket answers the very page a missing ticket does (404)", async () => {
    const me = await customer(db);
    const other = await customer(db);
    await ticket(db, { departmentId: support, contactId: me.id, subject: 'Mine' });
    const theirs = await ticket(db, { departmentId: support, contactId: other.id, subject: 'Their secret' });
    const browser = await signedIn(support, me.email!);
    const refused = await browser.get(`/help/${support}/tickets/${theirs.id}`);
    const missing = await browser.get(`/help/${support}/tickets/99999999`);
    expect(refused.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(refused.text).toBe(missing.text);
    expect(refused.text).not.toContain('Their secret');
    expect((await browser.get(`/help/${support}`)).text).not.toContain('Their secret');
    expect((await browser.get(`/help/${support}/tickets/not-a-number`)).status).toBe(404);
  });

  it('R-CC-8 a ticket of another department is 404, even to its own contact', async () => {
    const me = await customer(db);
    const here = await ticket(db, { departmentId: support, contactId: me.id, subject: 'Support question' });
    const there = await ticket(db, { departmentId: returns, contactId: me.id, subject: 'Returns question' });
    const inSupport = await signedIn(support, me.email!);
    expect((await inSupport.get(`/help/${support}/tickets/${there.id}`)).status).toBe(404);
    expect((await inSupport.get(`/help/${support}`)).text).not.toContain('Returns question');
    const inReturns = await signedIn(returns, me.email!);
    expect((await inReturns.get(`/help/${returns}/tickets/${here.id}`)).status).toBe(404);
    expect((await inReturns.get(`/help/${returns}/tickets/${there.id}`)).status).toBe(200);
    // The Support session's cookie never reaches Returns' pages.
    expect((await inSupport.get(`/help/${returns}/tickets/${there.id}`)).text).toContain('name="email"');
  });

  it('never shows trashed or spam tickets', async () => {
    const me = await customer(db);
    await ticket(db, { departmentId: support, contactId: me.id, subject: 'Visible one' });
    const trashed = await ticket(db, { departmentId: support, contactId: me.id, subject: 'Trashed one', trashedAt: new Date() });
    const spam = await ticket(db, { departmentId: support, contactId: me.id, subject: 'Spam one', spam: true });
    const browser = await signedIn(support, me.email!);
    const list = (await browser.get(`/help/${support}`)).text;
    expect(list).toContain('Visible one');
    expect(list).not.toContain('Trashed one');
    expect(list).not.toContain('Spam one');
    expect((await browser.get(`/help/${support}/tickets/${trashed.id}`)).status).toBe(404);
    expect((await browser.get(`/help/${support}/tickets/${spam.id}`)).status).toBe(404);
  });

  it('shows messages and public comments in time order, and never a private comment', async () => {
    const me = await customer(db, { name: 'Mia Customer' });
    const row = await ticket(db, { departmentId: support, contactId: me.id, subject: 'Order of things' });
    await message(db, row.id, { from: `Mia <${me.email}>`, bodyText: 'first: my question', createdAt: at(0) });
    await comment(db, row.id, world.agents.agent.id, 'INTERNAL: customer is on the watch list', 'private', at(1));
    await comment(db, row.id, world.agents.agent.id, 'second: public note', 'public', at(1));
    await message(db, row.id, { direction: 'out', from: 'noreply@acme.test', bodyText: 'third: our answer', createdAt: at(2) });
    await db.update(tickets).set({ status: 'waiting_on_customer' }).where(eq(tickets.id, row.id));
    const browser = await signedIn(support, me.email!);

    const page = await browser.get(`/help/${support}/tickets/${row.id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('INTERNAL');
    expect(page.text).not.toContain('watch list');
    const order = ['first: my question', 'second: public note', 'third: our answer'].map((t) => page.text.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page.text).toMatch(/<h3>You<\/h3>[\s\S]*first: my question/);
    expect(page.text).toMatch(/<h3>Support · Comment<\/h3>[\s\S]*second: public note/);
    expect(page.text).toMatch(/<article class="out">\s*<h3>Support<\/h3>[\s\S]*third: our answer/);
    expect(page.text).toContain(`Ticket #${row.number}`);
    expect(page.text).toContain('Waiting on customer');
  });

  it('R-CC-8 a secondary contact sees the ticket only while the department has CC on', async () => {
    const owner = await customer(db);
    const cc = await customer(db, { name: 'Carla CC' });
    const row = await ticket(db, { departmentId: support, contactId: owner.id, subject: 'Followed by Carla', secondaryContactIds: [cc.id] });
    const browser = await signedIn(support, cc.email!);
    expect((await browser.get(`/help/${support}`)).text).toContain('Followed by Carla');
    const page = await browser.get(`/help/${support}/tickets/${row.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Secondary contacts \(CC\)<\/h2><ul><li>Carla CC<\/li><\/ul>/);
    try {
      await setFeatures(support, { ...world.departments.support.features, cc: false });
      expect((await browser.get(`/help/${support}`)).text).not.toContain('Followed by Carla');
      expect((await browser.get(`/help/${support}/tickets/${row.id}`)).status).toBe(404);
      const owners = await signedIn(support, owner.email!);
      expect((await owners.get(`/help/${support}/tickets/${row.id}`)).status).toBe(200);
    } finally {
      await setFeatures(support, world.departments.support.features);
    }
    expect((await browser.get(`/help/${support}/tickets/${row.id}`)).status).toBe(200);
  });

  it('R-MERGE-9 the contact of a merged-away ticket sees the primary, merged again or not, with every message', async () => {
    const primaryOwner = await customer(db);
    const mergedOwner = await customer(db);
    const primary = await ticket(db, { departmentId: support, contactId: primaryOwner.id, subject: 'Primary ticket', createdAt: at(0) });
    const merged = await ticket(db, { departmentId: support, contactId: mergedOwner.id, subject: 'Merged-away ticket', createdAt: at(5) });
    await message(db, primary.id, { from: primaryOwner.email!, bodyText: 'message of the primary', createdAt: at(1) });
    await message(db, merged.id, { from: mergedOwner.email!, bodyText: 'message of the merged one', createdAt: at(6) });
    await comment(db, merged.id, world.agents.agent.id, 'public comment of the merged one', 'public');
    const merge = async (ids: number[], primaryId: number) => {
      const rows = await Promise.all(ids.map(async (id) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0]!));
      const res = await server.request('POST', '/api/v1/merge', {
        token: world.tokens.admin,
        // The primary keeps its own subject (the default would be the newest one), so each page is found by it.
        body: { tickets: rows.map((r) => ({ id: r.id, version: r.version })), primaryId, fieldChoices: { subject: primaryId } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await merge([primary.id, merged.id], primary.id);

    const browser = await signedIn(support, mergedOwner.email!);
    const list = (await browser.get(`/help/${support}`)).text;
    expect(list).toContain('Primary ticket');
    expect(list).not.toContain('Merged-away ticket');
    const page = await browser.get(`/help/${support}/tickets/${primary.id}`);
    expect(page.status).toBe(200);
    for (const text of ['message of the primary', 'message of the merged one', 'public comment of the merged one']) expect(page.text).toContain(text);
    expect((await browser.get(`/help/${support}/tickets/${merged.id}`)).status).toBe(404);

    // The chain is followed: the primary merged into a third ticket leads there.
    const third = await ticket(db, { departmentId: support, contactId: (await customer(db)).id, subject: 'Final ticket', createdAt: at(-10) });
    await merge([third.id, primary.id], third.id);
    expect((await browser.get(`/help/${support}`)).text).toContain('Final ticket');
    expect((await browser.get(`/help/${support}/tickets/${third.id}`)).text).toContain('message of the merged one');
  });

  it('escapes every string customers and agents wrote', async () => {
    const me = await customer(db);
    const mallory = await customer(db, { name: '<b onmouseover="x()">Mallory</b>' });
    const row = await ticket(db, { departmentId: support, contactId: me.id, subject: '<script>alert("subject")</script>', secondaryContactIds: [mallory.id] });
    await message(db, row.id, { from: mallory.email!, bodyText: '<img src=x onerror=alert(1)>' });
    await comment(db, row.id, world.agents.agent.id, '</article><script>alert("comment")</script>', 'public');
    const browser = await signedIn(support, me.email!);
    const list = (await browser.get(`/help/${support}`)).text;
    expect(list).not.toContain('<script>');
    expect(list).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;');
    const page = (await browser.get(`/help/${support}/tickets/${row.id}`)).text;
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b onmouseover');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;b onmouseover=&quot;x()&quot;&gt;Mallory&lt;/b&gt;');
    expect(page).toContain('&lt;/article&gt;&lt;script&gt;');
    // A typed value comes back escaped too.
    const csrf = await browser.csrf(support);
    const refused = await browser.post(`/help/${support}/tickets/${row.id}/cc`, { csrf, email: '"><script>@x', name: '"><script>' });
    expect(refused.text).not.toContain('"><script>');
  });

  it('shows the ticket in Japanese to a browser that prefers it', async () => {
    const me = await customer(db);
    const row = await ticket(db, { departmentId: support, contactId: me.id, subject: '印刷できません' });
    const browser = await signedIn(support, me.email!, { 'Accept-Language': 'ja' });
    const list = (await browser.get(`/help/${support}`)).text;
    expect(list).toContain('<html lang="ja">');
    expect(list).toContain('お客様の問い合わせ');
    expect(list).toContain('<th scope="col">問い合わせ番号</th>');
    expect(list).toContain('<td>未完了</td>');
    const page = (await browser.get(`/help/${support}/tickets/${row.id}`)).text;
    expect(page).toContain(`問い合わせ番号 #${row.number}`);
    expect(page).toContain('<h2 id="reply-title">返信する</h2>');
    expect(page).toContain('サブの連絡先(CC)');
    expect(page).toContain(`href="/help/${support}/tickets/${row.id}?lang=en"`);
  });

  it('a help center that is off shows nothing, even to a signed-in visitor', async () => {
    const me = await customer(db);
    const row = await ticket(db, { departmentId: returns, contactId: me.id });
    const browser = await signedIn(returns, me.email!);
    try {
      await db.update(departments).set({ helpCenter: false }).where(eq(departments.id, returns));
      expect((await browser.get(`/help/${returns}/tickets/${row.id}`)).status).toBe(404);
    } finally {
      await db.update(departments).set({ helpCenter: true }).where(eq(departments.id, returns));
    }
  });
});
