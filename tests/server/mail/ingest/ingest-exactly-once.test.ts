import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/client';
import * as t from '../../../../server/db/schema';
import { ingestOnce } from '../../../../server/mail/ingest/ingest-once';
import { databaseKinds, type TestServer } from '../../harness';
import { startWorld, type World } from '../../world';
import { ImapPeer, imapUnavailable } from '../imap-peer';
import { addMailbox, composeMail, folderName, ingested, onlyMailbox, readMailbox } from './ingest-fixture';

const title = imapUnavailable ? `mail ingestion over IMAP (skipped: ${imapUnavailable})` : 'mail ingestion over IMAP';

/** Makes inserting a ticket with one of the listed subjects fail, as a crash in the middle of a message would. */
async function installCrash(db: Db) {
  await db.execute(sql`create table ingest_crash (subject text primary key)`);
  await db.execute(
    sql.raw(`create function ingest_crash_check() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from ingest_crash where subject = new.subject) then
          raise exception 'simulated crash while ingesting %', new.subject;
        end if;
        return new;
      end $$`),
  );
  await db.execute(sql`create trigger ingest_crash before insert on tickets for each row execute function ingest_crash_check()`);
}

describe.skipIf(imapUnavailable !== null).each(databaseKinds)(`${title}: each message exactly once, on %s`, (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  const peer = new ImapPeer();

  beforeAll(async () => {
    await peer.start();
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
    await installCrash(db);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await peer.close();
  });

  async function fourMessages(tag: string) {
    const folder = folderName();
    const raws = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        composeMail({ from: `c${n}@customer.test`, to: 'support@acme.test', subject: `${tag} ${n}`, text: `Message ${n}`, messageId: `<${tag}-${n}@customer.test>` }),
      ),
    );
    await peer.append(raws, folder);
    return addMailbox(db, peer, world.departments.support.id, folder);
  }

  const ticketsTitled = async (tag: string) =>
    (
      await db
        .select({ subject: t.tickets.subject })
        .from(t.tickets)
        .where(sql`${t.tickets.subject} like ${`${tag} %`}`)
    )
      .map((r) => r.subject)
      .sort();

  it('a crash in the 3rd message keeps the first two, records the error, and the next pass resumes at the 3rd', async () => {
    const mailbox = await fourMessages('crash');
    await onlyMailbox(db, mailbox.id);
    await db.execute(sql`insert into ingest_crash values ('crash 3')`);
    const [first] = await ingestOnce(db);
    expect(first!.counts).toBeNull();
    expect(first!.error).toMatch(/^Message UID 3 could not be ingested \(it is read again on the next pass\): .*simulated crash/);
    const [row] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, mailbox.id));
    expect(row).toMatchObject({ lastUid: 2, lastError: first!.error });
    expect(row!.lastPolledAt).not.toBeNull();
    expect(await ticketsTitled('crash')).toEqual(['crash 1', 'crash 2']);

    await db.execute(sql`delete from ingest_crash`);
    const [second] = await ingestOnce(db);
    expect(second).toMatchObject({ error: null, counts: { ticket: 2, seen: 0 } });
    expect(await ticketsTitled('crash')).toEqual(['crash 1', 'crash 2', 'crash 3', 'crash 4']);
    expect((await ingested(db, mailbox.id)).map((r) => r.uid)).toEqual([1, 2, 3, 4]);
    const [after] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, mailbox.id));
    expect(after).toMatchObject({ lastUid: 4, lastError: null });
  });

  it('reading the folder again from UID 1 (lastUid reset) creates no duplicates', async () => {
    const mailbox = await fourMessages('again');
    expect(await readMailbox(db, peer, mailbox.id)).toMatchObject({ ticket: 4 });
    await db.update(t.mailboxes).set({ lastUid: 0 }).where(eq(t.mailboxes.id, mailbox.id));
    expect(await readMailbox(db, peer, mailbox.id)).toMatchObject({ ticket: 0, seen: 4 });
    expect(await ticketsTitled('again')).toEqual(['again 1', 'again 2', 'again 3', 'again 4']);
  });

  it('two passes side by side on the same mailbox ingest each message once', async () => {
    const mailbox = await fourMessages('race');
    const [a, b] = await Promise.all([readMailbox(db, peer, mailbox.id), readMailbox(db, peer, mailbox.id)]);
    expect(a.ticket + b.ticket).toBe(4);
    expect(await ticketsTitled('race')).toEqual(['race 1', 'race 2', 'race 3', 'race 4']);
    expect(await ingested(db, mailbox.id)).toHaveLength(4);
    const [row] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, mailbox.id));
    expect(row!.lastUid).toBe(4);
  });
});

describe.skipIf(imapUnavailable !== null).each(databaseKinds)(`${title}: a new UIDVALIDITY, on %s`, (kind) => {
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

  it('starts over from UID 1 and ingests only what is new, by Message-ID', async () => {
    const raws = await Promise.all(
      [1, 2, 3].map((n) => composeMail({ from: 'alice@customer.test', to: 'support@acme.test', subject: `renumbered ${n}`, text: 'x', messageId: `<uv-${n}@customer.test>` })),
    );
    await peer.append(raws.slice(0, 2));
    const mailbox = await addMailbox(db, peer, world.departments.support.id, 'INBOX');
    expect(await readMailbox(db, peer, mailbox.id)).toMatchObject({ ticket: 2 });
    const [before] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, mailbox.id));

    // The server was migrated: the same two messages come back with new UIDs, plus a third one.
    await peer.resetUidValidity([raws[2]!, ...raws.slice(0, 2)]);
    expect(await readMailbox(db, peer, mailbox.id)).toMatchObject({ ticket: 1, seen: 2 });
    const [after] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.id, mailbox.id));
    expect(after!.uidValidity).not.toBe(before!.uidValidity);
    expect(after!.lastUid).toBe(3);
    const subjects = await db
      .select({ subject: t.tickets.subject })
      .from(t.tickets)
      .where(sql`${t.tickets.subject} like 'renumbered %'`);
    expect(subjects.map((s) => s.subject).sort()).toEqual(['renumbered 1', 'renumbered 2', 'renumbered 3']);
  });
});
