import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import * as t from '../../../../server/db/schema';
import { databaseKinds, type TestServer } from '../../harness';
import { startWorld, type World } from '../../world';
import { ImapPeer, imapUnavailable } from '../imap-peer';
import { composeMail, deliverOnce, ticketRow } from './ingest-fixture';

const title = imapUnavailable ? `blueprints on incoming mail (skipped: ${imapUnavailable})` : 'blueprints on incoming mail';

/** R-BULK-15: a department that applies a blueprint to new tickets does so for the tickets its mail becomes, too. */
describe.skipIf(imapUnavailable !== null).each(databaseKinds)(`${title} on %s`, (kind) => {
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

  const mail = (id: string) =>
    composeMail({ from: 'Carol Client <carol@customer.test>', to: 'billing@acme.test', subject: `Refund ${id}`, text: 'Please refund.', messageId: `<${id}@customer.test>` });

  it("a new e-mail ticket starts under the department's blueprint; with none set, under none", async () => {
    const billing = world.departments.billing.id;
    await db.update(t.departments).set({ newTicketBlueprintId: world.blueprint.id }).where(eq(t.departments.id, billing));
    const first = await deliverOnce(db, peer, billing, [await mail('bp-1')]);
    expect(first.counts).toMatchObject({ ticket: 1 });
    const ticket = await ticketRow(db, first.rows[0]!.ticketId!);
    expect(ticket).toMatchObject({ departmentId: billing, status: 'open', blueprintId: world.blueprint.id });
    const [created] = await db.select().from(t.ticketHistory).where(eq(t.ticketHistory.ticketId, ticket.id));
    expect(created).toMatchObject({ action: 'created', agentId: null, changes: { blueprint: { id: world.blueprint.id, name: 'Refund approval' } } });

    await db.update(t.departments).set({ newTicketBlueprintId: null }).where(eq(t.departments.id, billing));
    const second = await deliverOnce(db, peer, billing, [await mail('bp-2')]);
    expect((await ticketRow(db, second.rows[0]!.ticketId!)).blueprintId).toBeNull();
  });
});
