import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { attachments, threads } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('attachments on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let invoiceId: number;
  let htmlId: number;
  const invoice = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x80]);

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
    // Billing's "Invoice 2026-11": one message with two files, one without any.
    const ticketId = world.tickets[2]!.id;
    const [withFiles] = await db
      .insert(threads)
      .values([
        { ticketId, direction: 'in', channel: 'email', from: 'alice@customer.test', subject: 'Invoice', bodyText: 'See attached.' },
        { ticketId, direction: 'out', channel: 'email', from: 'billing@acme.test', subject: 'Re: Invoice', bodyText: 'Thanks.' },
      ])
      .returning();
    const rows = await db
      .insert(attachments)
      .values([
        { threadId: withFiles!.id, filename: '請求書.pdf', contentType: 'application/pdf', size: invoice.length, content: invoice },
        { threadId: withFiles!.id, filename: 'page.html', contentType: 'text/html', size: 21, content: Buffer.from('<script>x()</script>\n') },
      ])
      .returning();
    [invoiceId, htmlId] = [rows[0]!.id, rows[1]!.id];
  });
  afterAll(() => server.close());

  const download = (id: number | string, token: string) => server.app.request(`/api/v1/attachments/${id}`, { headers: { Authorization: `Bearer ${token}` } });

  it("lists each thread's attachments on the timeline, without their content", async () => {
    const res = await server.request('GET', `/api/v1/tickets/${world.tickets[2]!.id}/timeline`, { token: world.tokens.viewer });
    expect(res.status).toBe(200);
    const [first, second] = res.body.threads;
    expect(first.attachments).toEqual([
      { id: invoiceId, filename: '請求書.pdf', contentType: 'application/pdf', size: invoice.length },
      { id: htmlId, filename: 'page.html', contentType: 'text/html', size: 21 },
    ]);
    expect(second.attachments).toEqual([]);
  });

  it('answers the exact bytes as a download, whatever type the sender claimed', async () => {
    const res = await download(invoiceId, world.tokens.viewer);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(invoice);
    expect(res.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('請求書.pdf')}`);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');

    const html = await download(htmlId, world.tokens.viewer);
    expect(html.headers.get('Content-Type')).toBe('application/octet-stream');
  });

  it("refuses an agent without ticket.view in the ticket's department, naming the permission", async () => {
    const res = await download(invoiceId, world.tokens.agent);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain('ticket.view');
  });

  it('answers 404 for an unknown attachment and 401 without a token', async () => {
    const missing = await download(999_999, world.tokens.admin);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('NOT_FOUND');
    expect((await server.app.request(`/api/v1/attachments/${invoiceId}`)).status).toBe(401);
  });
});
