import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { DEMO_MAILBOX } from '../../../server/demo/demo-mailbox';
import { createTestServer, type TestServer } from '../harness';
import { buildWorld, type World } from '../world';

describe('demo mailbox pages', () => {
  let server: TestServer;
  let world: World;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    server = await createTestServer('pglite');
    world = await buildWorld(server.database.db);
    app = createApp({ database: server.database, version: 'test', corsOrigins: [], logRequests: false, demo: true, mail: server.mail });
  });
  afterAll(() => server.close());

  it('is not served unless the demo is on', async () => {
    expect((await server.app.request('/demo/gmail')).status).toBe(404);
  });

  it("serves a Gmail-shaped inbox under Gmail's Trusted Types policy", async () => {
    const res = await app.request('/demo/gmail');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toContain("require-trusted-types-for 'script'");
    const page = await res.text();
    expect(page).toContain(`<title>Inbox (4) - ${DEMO_MAILBOX} - Gmail</title>`);
    expect(page).toMatch(/<tr class="zA zE" role="row">/);
    expect(page).toContain('data-legacy-thread-id="19a0c0ffee000001"');
  });

  it("shows a linked ticket's conversation with its subject escaped", async () => {
    const created = await server.request('POST', '/api/v1/tickets', {
      token: world.tokens.admin,
      body: {
        departmentId: world.departments.support.id,
        channel: 'email',
        subject: '<img src=x onerror=alert(1)> refund',
        contact: { email: 'mallory@evil.test', name: '<script>alert(1)</script> Mallory' },
        webmailThread: { provider: 'gmail', mailbox: DEMO_MAILBOX, threadId: '19a0c0ffee0000ff' },
        firstThread: { from: 'Mallory <mallory@evil.test>', to: [DEMO_MAILBOX], bodyText: '<b>hi</b>' },
      },
    });
    expect(created.status).toBe(201);
    const list = await (await app.request('/demo/gmail')).text();
    expect(list).toContain('&lt;img src=x onerror=alert(1)&gt; refund');
    expect(list).not.toContain('<img src=x');
    expect(list).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Mallory');
    const thread = await (await app.request('/demo/gmail?thread=19a0c0ffee0000ff')).text();
    expect(thread).toContain('data-legacy-thread-id="19a0c0ffee0000ff"');
    expect(thread).toContain('&lt;b&gt;hi&lt;/b&gt;');
    expect((await app.request('/demo/gmail?thread=0000000000000000')).status).toBe(404);
  });
});
