import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { helpCenterLinks, helpCenterSessions, outgoingMail } from '../../../server/db/schema';
import { Mailers } from '../../../server/mail/mailers';
import { databaseKinds, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { startWorld, type World } from '../world';
import { Browser, latestLink, linkIn } from './browser';
import { customer, ticket } from './fixtures';

const SAME_ANSWER = 'If this address follows tickets here, we sent it a sign-in link.';

describe.each(databaseKinds)('help center sign-in on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let peer: SmtpPeer;
  let mailers: Mailers;
  let support: number;
  let returns: number;

  beforeAll(async () => {
    peer = new SmtpPeer();
    await peer.start();
    mailers = new Mailers(peer.url);
    ({ server, world } = await startWorld(kind, { mailers }));
    db = server.database.db;
    support = world.departments.support.id;
    returns = world.departments.returns.id;
  });
  afterEach(() => {
    peer.received.length = 0;
  });
  afterAll(async () => {
    await server.close();
    mailers.close();
    await peer.stop();
  });

  const linksOf = async (contactId: number) => db.select().from(helpCenterLinks).where(eq(helpCenterLinks.contactId, contactId));
  const mailsTo = async (email: string) =>
    db
      .select()
      .from(outgoingMail)
      .where(and(eq(outgoingMail.kind, 'sign_in_link'), sql`${email} = any(${outgoingMail.to})`));

  /** A customer with one open ticket in Support. */
  async function supportCustomer(subject = 'Printer on fire') {
    const person = await customer(db);
    const row = await ticket(db, { departmentId: support, contactId: person.id, subject });
    return { person, ticket: row };
  }

  it('mails a sign-in link over SMTP; pressing its button signs in with an HttpOnly, Lax cookie scoped to the department', async () => {
    const { person } = await supportCustomer('Printer on fire');
    const browser = new Browser(server);
    const form = await browser.get(`/help/${support}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<label for="email">E-mail address</label>');

    const asked = await browser.post(`/help/${support}/sign-in`, { email: person.email!.toUpperCase() });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(SAME_ANSWER);
    await server.notices.kick();
    const [mail] = peer.received.filter((r) => r.to.includes(person.email!));
    expect(mail, 'the sign-in mail reached the SMTP server').toBeDefined();
    expect(mail!.from).toBe('noreply@acme.test');
    expect(mail!.mail.subject).toBe('Your sign-in link for the Support help center');
    const link = linkIn(mail!.mail.text ?? '');
    expect(link).toMatch(new RegExp(`^/help/${support}/sign-in/[A-Za-z0-9_-]{43}$`));
    // Only the hash is stored.
    expect((await linksOf(person.id))[0]!.tokenHash).not.toContain(link!.split('/').at(-1));

    const confirm = await browser.get(link!);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toMatch(new RegExp(`<form method="post" action="${link}"><button type="submit">Sign in</button></form>`));
    const signedIn = await browser.post(link!);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('Location')).toBe(`/help/${support}`);
    const cookie = signedIn.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^help_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain(`Path=/help/${support}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const list = await browser.get(`/help/${support}`);
    expect(list.text).toContain('Your tickets');
    expect(list.text).toContain('Printer on fire');
  });

  it('returns to the ticket a notification pointed at', async () => {
    const { person, ticket: row } = await supportCustomer();
    const browser = new Browser(server);
    const form = await browser.get(`/help/${support}/tickets/${row.id}`);
    expect(form.text).toContain(`<input type="hidden" name="ticket" value="${row.id}">`);
    await browser.post(`/help/${support}/sign-in`, { email: person.email!, ticket: String(row.id) });
    const signedIn = await browser.post((await latestLink(server, person.email!))!);
    expect(signedIn.headers.get('Location')).toBe(`/help/${support}/tickets/${row.id}`);
  });

  it('answers the same page and sends nothing for unknown, deleted, spam and ticketless addresses', async () => {
    const withoutTicket = await customer(db);
    const deleted = await customer(db, { deleted: true });
    const spam = await customer(db, { spam: true });
    await ticket(db, { departmentId: support, contactId: deleted.id });
    await ticket(db, { departmentId: support, contactId: spam.id });
    const browser = new Browser(server);
    const addresses = ['nobody@nowhere.example', withoutTicket.email!, deleted.email!, spam.email!, world.contacts.alice.email!];
    for (const email of addresses) {
      // Alice follows nothing in Returns.
      const department = email === world.contacts.alice.email ? returns : support;
      const res = await browser.post(`/help/${department}/sign-in`, { email });
      expect(res.status, email).toBe(200);
      expect(res.text, email).toContain(SAME_ANSWER);
      expect(await mailsTo(email), email).toEqual([]);
    }
    await server.notices.kick();
    expect(peer.received.filter((r) => r.to.some((to) => addresses.includes(to)))).toEqual([]);
  });

  it('asks again for a mistyped address, without saying whether anyone has it', async () => {
    const res = await new Browser(server).post(`/help/${support}/sign-in`, { email: 'not an address' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Enter a valid e-mail address.');
  });

  it('opening the link (GET, as a mail scanner does) never uses it up', async () => {
    const { person } = await supportCustomer();
    const browser = new Browser(server);
    await browser.post(`/help/${support}/sign-in`, { email: person.email! });
    const link = (await latestLink(server, person.email!))!;
    await new Browser(server).get(link);
    await browser.get(link);
    expect((await linksOf(person.id))[0]!.usedAt).toBeNull();
    expect((await browser.post(link)).status).toBe(303);
  });

  it('refuses a link used twice, and sends whoever presses it again to ask for a new one', async () => {
    const { person } = await supportCustomer();
    const first = new Browser(server);
    await first.post(`/help/${support}/sign-in`, { email: person.email! });
    const link = (await latestLink(server, person.email!))!;
    expect((await first.post(link)).status).toBe(303);
    const second = new Browser(server);
    const again = await second.post(link);
    expect(again.status).toBe(410);
    expect(again.text).toContain('This link is no longer valid');
    expect(again.text).toContain(`action="/help/${support}/sign-in"`);
    expect(again.headers.get('Set-Cookie')).toBeNull();
    expect((await second.get(link)).status).toBe(410);
  });

  it('refuses an expired link', async () => {
    const { person } = await supportCustomer();
    const browser = new Browser(server);
    await browser.post(`/help/${support}/sign-in`, { email: person.email! });
    const link = (await latestLink(server, person.email!))!;
    await db
      .update(helpCenterLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(helpCenterLinks.contactId, person.id));
    expect((await browser.get(link)).status).toBe(410);
    const res = await browser.post(link);
    expect(res.status).toBe(410);
    expect(res.text).toContain('Sign-in links work once and for 15 minutes.');
  });

  it("R-CC-8 refuses department A's link in department B, and leaves it usable in A", async () => {
    const { person } = await supportCustomer();
    await ticket(db, { departmentId: returns, contactId: person.id });
    const browser = new Browser(server);
    await browser.post(`/help/${support}/sign-in`, { email: person.email! });
    const link = (await latestLink(server, person.email!))!;
    const elsewhere = link.replace(`/help/${support}/`, `/help/${returns}/`);
    expect((await browser.get(elsewhere)).status).toBe(410);
    expect((await browser.post(elsewhere)).status).toBe(410);
    expect(await db.select().from(helpCenterSessions).where(eq(helpCenterSessions.contactId, person.id))).toEqual([]);
    expect((await browser.post(link)).status).toBe(303);
  });

  it('sends at most 5 links per address per 15 minutes, answering the same page beyond', async () => {
    const { person } = await supportCustomer();
    for (let i = 0; i < 7; i++) {
      // A new client each time: only the per-address limit is at work here.
      const res = await new Browser(server).post(`/help/${support}/sign-in`, { email: person.email! });
      expect(res.text).toContain(SAME_ANSWER);
    }
    expect(await linksOf(person.id)).toHaveLength(5);
    expect(await mailsTo(person.email!)).toHaveLength(5);
  });

  it('limits sign-in requests per client address, answering the same page beyond', async () => {
    const { person } = await supportCustomer();
    const browser = new Browser(server);
    for (let i = 0; i < 20; i++) await browser.post(`/help/${support}/sign-in`, { email: `stranger${i}@nowhere.example` });
    const res = await browser.post(`/help/${support}/sign-in`, { email: person.email! });
    expect(res.status).toBe(200);
    expect(res.text).toContain(SAME_ANSWER);
    expect(await linksOf(person.id)).toEqual([]);
    await new Browser(server).post(`/help/${support}/sign-in`, { email: person.email! });
    expect(await linksOf(person.id)).toHaveLength(1);
  });

  it('signing out ends the session: the old cookie opens nothing any more', async () => {
    const { person } = await supportCustomer();
    const browser = new Browser(server);
    const cookie = (await browser.signIn(support, person.email!)).headers.get('Set-Cookie')!.split(';')[0]!;
    const csrf = await browser.csrf(support);
    expect(await db.select().from(helpCenterSessions).where(eq(helpCenterSessions.contactId, person.id))).toHaveLength(1);
    const out = await browser.post(`/help/${support}/sign-out`, { csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('Set-Cookie')).toContain('Max-Age=0');
    expect(await db.select().from(helpCenterSessions).where(eq(helpCenterSessions.contactId, person.id))).toEqual([]);
    const after = await browser.get(`/help/${support}?flash=signed_out`);
    expect(after.text).toContain('You are signed out.');
    expect(after.text).toContain('name="email"');
    const replayed = await server.app.request(`/help/${support}`, { headers: { Cookie: cookie } });
    expect(await replayed.text()).not.toContain('Your tickets');
  });

  it('refuses a signed-in form without the CSRF token, or with a wrong one (403)', async () => {
    const { person, ticket: row } = await supportCustomer();
    const browser = new Browser(server);
    await browser.signIn(support, person.email!);
    for (const form of [{}, { csrf: 'forged' }] as Record<string, string>[]) {
      expect((await browser.post(`/help/${support}/tickets/${row.id}/replies`, { ...form, body: 'hi' })).status).toBe(403);
      expect((await browser.post(`/help/${support}/tickets/${row.id}/rating`, { ...form, rating: 'good' })).status).toBe(403);
      expect((await browser.post(`/help/${support}/tickets/${row.id}/cc`, { ...form, email: 'x@partner.example' })).status).toBe(403);
      expect((await browser.post(`/help/${support}/sign-out`, form)).status).toBe(403);
    }
    // Without a session at all, too.
    expect((await new Browser(server).post(`/help/${support}/tickets/${row.id}/replies`, { csrf: await browser.csrf(support), body: 'hi' })).status).toBe(403);
    expect((await browser.get(`/help/${support}`)).text).toContain('Your tickets');
  });

  it('speaks Japanese to a browser that prefers it, mail included; ?lang= overrides', async () => {
    const { person } = await supportCustomer();
    const browser = new Browser(server, { 'Accept-Language': 'ja-JP,ja;q=0.9,en;q=0.8' });
    const form = await browser.get(`/help/${support}`);
    expect(form.text).toContain('<html lang="ja">');
    expect(form.text).toContain('メールアドレス');
    expect(form.text).toContain(`href="/help/${support}?lang=en" lang="en" hreflang="en">English</a>`);
    await browser.post(`/help/${support}/sign-in`, { email: person.email! });
    const [mail] = await mailsTo(person.email!);
    expect(mail!.subject).toBe('Support ヘルプセンターのサインインリンク');
    expect(mail!.bodyText).toContain('15分間有効');
    const english = await browser.get(`/help/${support}?lang=en`);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain(`action="/help/${support}/sign-in?lang=en"`);
    expect((await new Browser(server, { 'Accept-Language': 'en-US,en;q=0.9,ja;q=0.5' }).get(`/help/${support}`)).text).toContain('<html lang="en">');
  });

  it('answers 404 where there is no help center, with the security headers on every page', async () => {
    const browser = new Browser(server);
    for (const path of [`/help/${world.departments.billing.id}`, '/help/99999999', '/help/abc', `/help/${support}/nowhere`, '/help']) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).toContain('Page not found');
    }
    const res = await browser.get(`/help/${support}`);
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; img-src 'self'");
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Referrer-Policy'), 'no referrer to other sites; a real Origin on our own forms').toBe('same-origin');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Content-Type')).toContain('text/html');
  });
});
