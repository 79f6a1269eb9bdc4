import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { tickets, views } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { Mailers } from '../../../server/mail/mailers';
import { SmtpPeer } from '../mail/smtp-peer';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Issue 20 item 9: the result mail a person can act on, received by a real SMTP peer. */
describe.each(databaseKinds)('R-BULK-9 the mass result e-mail on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  const peer = new SmtpPeer();
  let mailers: Mailers;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
    await peer.start();
    mailers = new Mailers(peer.url);
  });
  afterAll(async () => {
    mailers.close();
    await peer.stop();
    await server.close();
  });

  it('names the operation in words and the view, links the job absolutely, and lists failures by ticket number: 50, then a count', async () => {
    const tag = `result-${Date.now()}`;
    const [view] = await db
      .insert(views)
      .values({ name: 'Returns waiting', kind: 'normal', departmentId: world.departments.returns.id, filter: { tags: [tag] } })
      .returning();
    await db.execute(sql`insert into tickets (department_id, channel, contact_id, subject, tags)
      select ${world.departments.returns.id}, 'email', ${world.contacts.bob.id}, 'Mass ' || g, array[${tag}::text] from generate_series(1, 60) g`);
    const numbers = (
      await db
        .select({ number: tickets.number })
        .from(tickets)
        .where(sql`${tag} = any(${tickets.tags})`)
        .orderBy(tickets.id)
    ).map((r) => r.number);
    // The lead is no member of Returns: every assignment fails.
    const res = await server.request('POST', '/api/v1/jobs', {
      token: world.tokens.admin,
      body: { departmentId: world.departments.returns.id, operation: 'assign', viewId: view!.id, payload: { agentId: world.agents.lead.id } },
    });
    expect(res.status).toBe(202);
    await runJob(db, res.body.id, { mailers, delivery: { publicUrl: 'https://desk.example.test' } });

    expect(peer.received).toHaveLength(1);
    const { subject, text } = peer.received[0]!.mail;
    expect(subject).toBe('Mass action "Assign" finished: 0 of 60 changed');
    expect(text).toContain('"Assign" on the view "Returns waiting" in department Returns');
    expect(text).toContain(`https://desk.example.test/api/v1/jobs/${res.body.id}`);
    expect(text).not.toMatch(/\bassign\b|\/api\/v1\/jobs\/\d+ \(and/);
    expect(text).toContain(`#${numbers[0]}: `);
    expect(text).toContain(`#${numbers[49]}: `);
    expect(text).not.toContain(`#${numbers[50]}:`);
    expect(text).toContain('… and 10 more.');
    expect(text).not.toContain(`ticket ${res.body.id}`);
    // No time zone is known for the recipients: the times say UTC.
    expect(text).toMatch(/Started: \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\. Finished: \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\./);
  });
});
