/**
 * A 50-ticket bulk reply (150 recipients: each ticket's contact, a secondary contact and a CC
 * address) through the whole engine — POST /jobs, the queue, the worker recording each reply, then
 * one SMTP envelope per recipient — beside the floor: nodemailer's pooled transport sending the same
 * 150 messages straight to the same SMTP server, in the same run.
 */
import { randomBytes } from 'node:crypto';
import { Mailers } from '../../server/mail/mailers';
import { smtpMailer } from '../../server/mail/smtp-mailer';
import { contacts, tickets } from '../../server/db/schema';
import { SmtpPeer } from '../server/mail/smtp-peer';
import { startWorld } from '../server/world';

const TICKETS = 50;

async function waitCompleted(request: () => Promise<{ body: { status: string } }>) {
  for (;;) {
    if ((await request()).body.status === 'completed') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function replyBench() {
  const peer = new SmtpPeer();
  await peer.start();
  const floorMailer = smtpMailer(peer.url);
  const floorStarted = performance.now();
  await Promise.all(
    Array.from({ length: TICKETS * 3 }, (_, i) =>
      floorMailer.send({
        envelope: { from: 'noreply@acme.test', to: [`floor${i}@customer.example`] },
        from: 'noreply@acme.test',
        to: [`floor${i}@customer.example`],
        cc: [],
        subject: `Re: Outage question ${i}`,
        text: 'Hello, the outage is over.',
        html: '<p>Hello, the outage is over.</p>',
        messageId: `<${randomBytes(8).toString('hex')}@acme.test>`,
        inReplyTo: null,
        references: [],
        token: randomBytes(16).toString('base64url'),
      }),
    ),
  );
  const floorMs = performance.now() - floorStarted;
  floorMailer.close();

  const mailers = new Mailers(peer.url);
  const { server, world } = await startWorld('pglite', { jobs: 'run', worker: { mailers, replyUndoSeconds: 0 } });
  try {
    const db = server.database.db;
    const people = await db
      .insert(contacts)
      .values(Array.from({ length: TICKETS }, (_, i) => ({ email: `bench${i}@customer.example`, name: `Customer ${i}` })))
      .returning();
    const rows = await db
      .insert(tickets)
      .values(
        people.map((p, i) => ({
          departmentId: world.departments.support.id,
          channel: 'email',
          contactId: p.id,
          subject: `Outage question ${i}`,
          lastThreadChannel: 'email',
          secondaryContactIds: [world.contacts.bob.id],
          ccAddresses: [`boss${i}@customer.example`],
        })),
      )
      .returning();
    peer.received.length = 0;
    const started = performance.now();
    const res = await server.request('POST', '/api/v1/jobs', {
      token: world.tokens.admin,
      body: {
        operation: 'reply',
        departmentId: world.departments.support.id,
        ticketIds: rows.map((r) => r.id),
        payload: { body: '<p>Hello {{contact.name}}, the outage is over.</p>' },
      },
    });
    if (res.status !== 202) throw new Error(JSON.stringify(res.body));
    await waitCompleted(() => server.request('GET', `/api/v1/jobs/${res.body.id}`, { token: world.tokens.admin }));
    const engineMs = performance.now() - started;
    if (peer.received.length !== TICKETS * 3) throw new Error(`the SMTP server got ${peer.received.length} messages, not ${TICKETS * 3}`);
    console.info(
      `PGlite: ${TICKETS}-ticket bulk reply, ${TICKETS * 3} recipients: engine ${(engineMs / 1000).toFixed(2)} s, floor (nodemailer pooled, same messages, same server) ${(floorMs / 1000).toFixed(2)} s, ratio ${(engineMs / floorMs).toFixed(1)}×`,
    );
  } finally {
    await server.close();
    mailers.close();
    await peer.stop();
  }
}
