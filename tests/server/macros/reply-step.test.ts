import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { agents, apiTokens, contacts, departments, jobItems, macros, memberships, replyRecipients, roles, threads, tickets } from '../../../server/db/schema';
import { seedDemo } from '../../../server/db/seed/demo';
import { hashToken, newToken } from '../../../server/http/auth';
import { runJob } from '../../../server/jobs/job-runner';
import { Mailers } from '../../../server/mail/mailers';
import { smtpMailer, type ReplyMailer } from '../../../server/mail/smtp-mailer';
import { adminApi } from '../admin-api';
import { createTestServer, databaseKinds, type TestServer } from '../harness';
import { SmtpPeer } from '../mail/smtp-peer';
import { buildWorld, type World } from '../world';

/** Issue 22, item 8 (R-BULK-14): a macro's "send reply from template" step replies to each ticket, delivered through SMTP. */
describe.each(databaseKinds)('the macro step "send reply from template" on %s', (kind) => {
  let server: TestServer;
  let db: Db;
  let peer: SmtpPeer;
  let mailer: ReplyMailer;

  beforeAll(async () => {
    peer = new SmtpPeer();
    await peer.start();
    mailer = smtpMailer(peer.url);
  });
  afterEach(() => {
    peer.received.length = 0;
  });
  afterAll(async () => {
    mailer.close();
    await peer.stop();
  });
  /** Each part on its own database: the demo and the test world both have a department named Support. */
  const freshServer = () => {
    beforeAll(async () => {
      server = await createTestServer(kind, { jobs: 'hold' });
      db = server.database.db;
    });
    afterAll(() => server.close());
  };

  const run = (jobId: number) => runJob(db, jobId, { mailers: new Mailers('smtp://unused.invalid', () => mailer) });
  const runMacro = (token: string, departmentId: number, ticketId: number, macroId: number) =>
    server.request('POST', '/api/v1/jobs', { token, body: { operation: 'macro', departmentId, ticketIds: [ticketId], payload: { macroId } } });
  const jobOf = async (jobId: number, token: string) => (await server.request('GET', `/api/v1/jobs/${jobId}`, { token })).body;

  describe("the demo's own macros", () => {
    let token: string;
    let agentName: string;
    freshServer();

    beforeAll(async () => {
      expect((await seedDemo(db)).seeded).toBe(true);
      // A Support agent of the demo: ticket.send_email, no ticket.bulk_reply.
      const [agent] = await db
        .select({ id: agents.id, name: agents.name })
        .from(memberships)
        .innerJoin(agents, eq(agents.id, memberships.agentId))
        .innerJoin(roles, eq(roles.id, memberships.roleId))
        .innerJoin(departments, eq(departments.id, memberships.departmentId))
        .where(and(eq(roles.kind, 'agent'), eq(departments.name, 'Support')))
        .limit(1);
      token = newToken();
      agentName = agent!.name;
      await db.insert(apiTokens).values({ agentId: agent!.id, tokenHash: hashToken(token) });
    }, 120_000);

    it('"Close as resolved" replies with the Outage update template through SMTP and closes the ticket, no longer "not available yet"', async () => {
      const [macro] = await db.select().from(macros).where(eq(macros.name, 'Close as resolved'));
      const [ticket] = await db
        .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, departmentId: tickets.departmentId, email: contacts.email, name: contacts.name })
        .from(tickets)
        .innerJoin(contacts, eq(contacts.id, tickets.contactId))
        .where(and(eq(tickets.departmentId, macro!.departmentId), eq(tickets.channel, 'email'), eq(tickets.status, 'open'), isNotNull(contacts.email)))
        .orderBy(asc(tickets.id))
        .limit(1);
      const submitted = await runMacro(token, ticket!.departmentId, ticket!.id, macro!.id);
      expect(submitted.status).toBe(202);
      await run(submitted.body.id);

      const job = await jobOf(submitted.body.id, token);
      expect(job.failures).toEqual([]);
      expect(job).toMatchObject({ status: 'completed', counts: { done: 1, failed: 0 } });
      expect(job.delivery.counts.sent).toBe(job.delivery.total);
      const copy = peer.received.find((r) => r.to.includes(ticket!.email!))!.mail;
      expect(copy.subject).toBe(`Update on the service disruption — ticket #${ticket!.number}`);
      expect(copy.text).toContain(`Hi ${ticket!.name},`);
      expect(copy.text).toContain(`"${ticket!.subject}"`);
      expect(copy.text).toContain(agentName);
      // Threaded under the customer's last message.
      const [customerMessage] = await db
        .select({ messageId: threads.messageId })
        .from(threads)
        .where(and(eq(threads.ticketId, ticket!.id), eq(threads.direction, 'in')))
        .orderBy(desc(threads.createdAt), desc(threads.id))
        .limit(1);
      expect(customerMessage!.messageId).toBeTruthy();
      expect(copy.inReplyTo).toBe(customerMessage!.messageId);
      const [after] = await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket!.id));
      expect(after!.status).toBe('closed');
    });
  });

  describe('in the test world', () => {
    let world: World;
    freshServer();

    beforeAll(async () => {
      world = await buildWorld(db);
    });

    async function customerTicket() {
      const email = `macro.${Date.now()}.${Math.random().toString(36).slice(2)}@customer.example`;
      const [contact] = await db.insert(contacts).values({ email, name: 'Mia' }).returning();
      const [ticket] = await db
        .insert(tickets)
        .values({
          departmentId: world.departments.support.id,
          channel: 'email',
          contactId: contact!.id,
          subject: 'Broken',
          lastThreadChannel: 'email',
          ccAddresses: ['cc.macro@customer.example'],
        })
        .returning();
      await db.insert(threads).values({
        ticketId: ticket!.id,
        direction: 'in',
        channel: 'email',
        from: email,
        to: ['support@acme.test'],
        subject: 'Broken',
        messageId: `<m.${ticket!.id}@customer.example>`,
      });
      return { ticket: ticket!, email };
    }

    async function replyingMacro() {
      const [macro] = await db
        .insert(macros)
        .values({
          departmentId: world.departments.support.id,
          name: `Answer and hold ${Math.random()}`,
          steps: [
            { type: 'send_reply', templateId: world.templates.outage.id },
            { type: 'set_status', status: 'on_hold' },
          ],
        })
        .returning();
      return macro!;
    }

    it('run on one ticket by an agent with send_email only: threaded, per recipient, the ticket changed', async () => {
      const { ticket, email } = await customerTicket();
      const submitted = await runMacro(world.tokens.agent, world.departments.support.id, ticket.id, (await replyingMacro()).id);
      expect(submitted.status).toBe(202);
      await run(submitted.body.id);
      expect(peer.received.map((r) => r.to)).toEqual([[email], ['cc.macro@customer.example']]);
      expect(peer.received[0]!.mail.text).toContain('Hello Mia');
      expect(peer.received[0]!.mail.inReplyTo).toBe(`<m.${ticket.id}@customer.example>`);
      expect((await jobOf(submitted.body.id, world.tokens.agent)).delivery).toEqual({ total: 2, counts: { sent: 2 }, problems: [] });
      const [after] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
      expect(after).toMatchObject({ status: 'on_hold' });
      expect(after!.firstResponseAt).not.toBeNull();
    });

    it('R-PERM-5: send_email taken away before the macro runs fails that ticket naming it; nothing sent, nothing changed', async () => {
      const api = adminApi(server, world);
      const sender = await api.customIn(world.departments.support.id, 'Macro sender', ['ticket.view', 'ticket.edit', 'ticket.send_email'], 'macro.sender@acme.test');
      const { ticket } = await customerTicket();
      const submitted = await runMacro(sender.token, world.departments.support.id, ticket.id, (await replyingMacro()).id);
      expect(submitted.status).toBe(202);
      expect((await api.call('PUT', `/roles/${sender.roleId}/departments/${world.departments.support.id}`, { permissions: ['ticket.view', 'ticket.edit'] })).status).toBe(200);
      await run(submitted.body.id);
      const job = await jobOf(submitted.body.id, sender.token);
      expect(job.counts).toMatchObject({ done: 0, failed: 1 });
      expect(job.failures).toEqual([{ ticketId: ticket.id, ticketNumber: ticket.number, reason: expect.stringContaining('ticket.send_email in department Support') }]);
      expect(job.failures[0].reason).not.toContain('bulk_reply');
      expect(peer.received).toHaveLength(0);
      expect(await db.select().from(replyRecipients).where(eq(replyRecipients.jobId, submitted.body.id))).toHaveLength(0);
      const [item] = await db.select().from(jobItems).where(eq(jobItems.jobId, submitted.body.id));
      expect(item!.state).toBe('failed');
      const [after] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
      expect(after).toMatchObject({ status: 'open', firstResponseAt: null });
    });
  });
});
