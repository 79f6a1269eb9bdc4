import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import * as t from '../../../../server/db/schema';
import { sanitiseStoredHtml } from '../../../../server/mail/stored-html';
import { databaseKinds, type TestServer } from '../../harness';
import { startWorld, type World } from '../../world';
import { ImapPeer, imapUnavailable } from '../imap-peer';
import { deliverOnce } from '../ingest/ingest-fixture';

/** Every trick issue 21 item 8 names: scripts, on* handlers, javascript: URLs, remote styles and what loads or restyles the page. */
const HOSTILE = [
  '<p onclick="steal()" onmouseover="steal()">Hello<script>steal()</script></p>',
  '<a href="javascript:steal()">one</a><a href="JaVaScRiPt&#58;steal()">two</a><a href="//evil.test/x">three</a><a href="https://shop.example/order">order</a>',
  '<style>@import url(https://evil.test/a.css); body { display: none }</style><link rel="stylesheet" href="https://evil.test/b.css">',
  '<p style="background: url(https://evil.test/t.png); color: red; width: expression(steal())">styled</p>',
  '<img src="x" onerror="steal()"><img src="data:text/html;base64,PHNjcmlwdD4=" alt="page"><img src="cid:logo" alt="logo">',
  '<base href="https://evil.test/"><form action="https://evil.test/"><input name="card"></form><iframe src="https://evil.test/"></iframe><svg onload="steal()"></svg>',
  '<div id="app" class="button">ids</div>',
].join('');

/** What must be gone from any HTML the API answers. */
function expectClean(html: string) {
  expect(html).not.toMatch(/<script|<style|<link|<base|<form|<iframe|<svg|<input/i);
  expect(html).not.toMatch(/\son\w+=/i);
  expect(html).not.toMatch(/javascript|expression|url\(|evil\.test|data:text/i);
  expect(html).not.toMatch(/\s(id|class)=/);
  // What is mail and harmless stays.
  expect(html).toContain('<a href="https://shop.example/order" rel="noopener noreferrer" target="_blank">order</a>');
  expect(html).toContain('<p style="color:red">styled</p>');
  expect(html).toContain('<img src="cid:logo" alt="logo" />');
  expect(html).toContain('Hello');
}

describe.each(databaseKinds)('incoming HTML sanitised on the server (issue 21 item 8) on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  });
  afterAll(() => server.close());

  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1${path}`, { token: world.tokens.admin, ...(body === undefined ? {} : { body }) });
  const timelineHtml = async (ticketId: number) => {
    const res = await api('GET', `/tickets/${ticketId}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body.threads[0], 'the marker stays in the database').not.toHaveProperty('htmlSanitisedAt');
    return res.body.threads[0].bodyHtml as string;
  };

  it('a ticket the extension creates from a webmail message stores its HTML sanitised', async () => {
    const res = await api('POST', '/tickets', {
      departmentId: world.departments.support.id,
      channel: 'email',
      subject: 'Order missing',
      contact: { email: 'html.sender@customer.test' },
      firstThread: { from: 'html.sender@customer.test', to: ['support@acme.test'], bodyText: 'Hello', bodyHtml: HOSTILE },
    });
    expect(res.status).toBe(201);
    expectClean(await timelineHtml(res.body.id));
  });

  it('rows stored before sanitising existed are sanitised at startup, once, and then answer clean', async () => {
    const [ticket] = await db
      .insert(t.tickets)
      .values({ departmentId: world.departments.support.id, channel: 'email', contactId: world.contacts.alice.id, subject: 'Old mail', lastThreadChannel: 'email' })
      .returning();
    await db.insert(t.threads).values({ ticketId: ticket!.id, direction: 'in', channel: 'email', from: 'old@customer.test', bodyText: 'Hello', bodyHtml: HOSTILE });
    expect(await sanitiseStoredHtml(db)).toBeGreaterThanOrEqual(1);
    expectClean(await timelineHtml(ticket!.id));
    expect(await sanitiseStoredHtml(db), 'a second start has nothing left to do').toBe(0);
  });
});

const title = imapUnavailable ? `mail read over IMAP (skipped: ${imapUnavailable})` : 'mail read over IMAP';

describe.skipIf(imapUnavailable !== null).each(databaseKinds)(`${title}: stored clean (issue 21) on %s`, (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  const peer = new ImapPeer();

  beforeAll(async () => {
    await peer.start();
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await peer.close();
  });

  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const message = (id: string) =>
    [
      'From: Nul Sender <nul.sender@customer.test>',
      'To: support@acme.test',
      `Message-ID: <${id}@customer.test>`,
      // A NUL in an encoded-word subject, and in both parts once decoded: IMAP carries them base64, as mail clients send them.
      'Subject: =?UTF-8?Q?Broken=00_printer?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64('Hello\u0000 there'),
      '--b',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64(`${HOSTILE}<a href="java\u0000script:steal()">nul</a>`),
      '--b--',
      '',
    ].join('\r\n');

  it('a message with NUL bytes makes its ticket, stored without them, its HTML sanitised', async () => {
    const { counts, rows } = await deliverOnce(db, peer, world.departments.support.id, [message(`nul${Date.now()}`)]);
    expect(counts).toMatchObject({ ticket: 1 });
    const ticketId = rows[0]!.ticketId!;
    const [ticket] = await db.select().from(t.tickets).where(eq(t.tickets.id, ticketId));
    expect(ticket!.subject).toBe('Broken printer');
    const timeline = await server.request('GET', `/api/v1/tickets/${ticketId}/timeline`, { token: world.tokens.admin });
    expect(timeline.status).toBe(200);
    const [thread] = timeline.body.threads;
    expect(thread.bodyText).toBe('Hello there');
    expect(thread.bodyHtml).not.toContain('\u0000');
    expectClean(thread.bodyHtml);
    expect(thread.bodyHtml).toContain('<a rel="noopener noreferrer" target="_blank">nul</a>');
  });
});
