import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { jobItems, macros, replyRecipients } from '../../../server/db/schema';
import { runJob } from '../../../server/jobs/job-runner';
import { adminApi, type AdminApi } from '../admin-api';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

/** Issue 20.6: every mail an agent causes needs ticket.send_email; bulk-reply history for bulk_reply holders; every 403 names its permission. */
describe.each(databaseKinds)('permissions on mail and jobs on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;
  let api: AdminApi;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'hold' }));
    db = server.database.db;
    api = adminApi(server, world);
  });
  afterAll(() => server?.close());

  const support = () => world.departments.support.id;
  const emailTicket = () => world.tickets[0]!.id;
  const submit = (token: string, body: Record<string, unknown>) =>
    server.request('POST', '/api/v1/jobs', { token, body: { departmentId: support(), ticketIds: [emailTicket()], ...body } });
  const reply = { operation: 'reply', payload: { subject: 'Hello', body: 'The outage is over.' } };

  it('R-PERM-4/5 a bulk reply without ticket.send_email is refused naming it, in the pre-check too', async () => {
    const editor = await api.customIn(support(), 'Editor', ['ticket.view', 'ticket.edit'], 'ed@acme.test');
    const res = await submit(editor.token, reply);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-4' });
    expect(res.body.error.message).toContain('ticket.send_email in department Support');
    expect(res.body.error.message).toContain('ticket.bulk_reply');
    const preview = await server.request('POST', '/api/v1/replies/preview', {
      token: editor.token,
      body: { departmentId: support(), ticketIds: [emailTicket()], payload: reply.payload },
    });
    expect(preview.body.violations.map((v: { message: string }) => v.message).join(' ')).toContain('ticket.send_email');
  });

  it('R-PERM-5 a macro that sends a reply needs ticket.send_email; one that does not, only ticket.edit', async () => {
    const [sends] = await db
      .insert(macros)
      .values({ departmentId: support(), name: 'Answer outage', steps: [{ type: 'send_reply', templateId: world.templates.outage.id }] })
      .returning();
    const [quiet] = await db
      .insert(macros)
      .values({ departmentId: support(), name: 'Hold', steps: [{ type: 'set_status', status: 'on_hold' }] })
      .returning();
    const editor = (
      await api.call('POST', '/tokens', { agentId: (await api.call('GET', '/agents')).body.items.find((a: { email: string }) => a.email === 'ed@acme.test').id, label: 'm' })
    ).body.token;
    const refused = await submit(editor, { operation: 'macro', payload: { macroId: sends!.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('You need the permission ticket.send_email in department Support');
    const quietJob = await submit(editor, { operation: 'macro', payload: { macroId: quiet!.id } });
    expect(quietJob.status).toBe(202);
    await server.request('DELETE', `/api/v1/jobs/${quietJob.body.id}`, { token: editor });
    // The world's agent role holds ticket.send_email.
    const allowed = await submit(world.tokens.agent, { operation: 'macro', payload: { macroId: sends!.id } });
    expect(allowed.status).toBe(202);
    await server.request('DELETE', `/api/v1/jobs/${allowed.body.id}`, { token: world.tokens.agent });
  });

  it('R-PERM-4/5 at run time: send_email taken away while the reply waits, the ticket fails naming it and nothing is sent', async () => {
    const sender = await api.customIn(support(), 'Sender', ['ticket.view', 'ticket.edit', 'ticket.send_email', 'ticket.bulk_reply'], 'sam@acme.test');
    const job = await submit(sender.token, reply);
    expect(job.status).toBe(202);
    expect((await api.call('PUT', `/roles/${sender.roleId}/departments/${support()}`, { permissions: ['ticket.view', 'ticket.edit'] })).status).toBe(200);
    await runJob(db, job.body.id);
    const [item] = await db.select().from(jobItems).where(eq(jobItems.jobId, job.body.id));
    expect(item).toMatchObject({ state: 'failed', reason: expect.stringContaining('ticket.send_email') });
    expect(await db.select().from(replyRecipients).where(eq(replyRecipients.jobId, job.body.id))).toHaveLength(0);
    // Their own bulk reply stays in their history although they no longer hold bulk_reply.
    expect((await server.request('GET', `/api/v1/jobs/${job.body.id}`, { token: sender.token })).status).toBe(200);
  });

  it("a bulk reply's history and delivery are for holders of ticket.bulk_reply: the agent role sees the admin's close job, not their reply", async () => {
    const replied = await submit(world.tokens.admin, reply);
    const closed = await submit(world.tokens.admin, { operation: 'close', payload: {} });
    expect([replied.status, closed.status]).toEqual([202, 202]);
    const asAgent = (path: string) => server.request('GET', `/api/v1${path}`, { token: world.tokens.agent });
    expect((await asAgent(`/jobs/${replied.body.id}`)).status).toBe(404);
    expect((await asAgent(`/jobs/${closed.body.id}`)).status).toBe(200);
    const listed = (await asAgent('/jobs?limit=100')).body.items.map((j: { id: number }) => j.id);
    expect(listed).toContain(closed.body.id);
    expect(listed).not.toContain(replied.body.id);
    expect((await asAgent('/jobs?operation=reply&limit=100')).body.items.every((j: { initiatorId: number }) => j.initiatorId === world.agents.agent.id)).toBe(true);
    // Ada holds bulk_reply in Support: she sees it with its delivery.
    expect((await server.request('GET', `/api/v1/jobs/${replied.body.id}`, { token: world.tokens.admin })).body.delivery).not.toBeNull();

    // R-PERM-5: cancelling another agent's job names the permission that would allow it.
    const cancel = await server.request('DELETE', `/api/v1/jobs/${closed.body.id}`, { token: world.tokens.agent });
    expect(cancel.status).toBe(403);
    expect(cancel.body.error).toMatchObject({ code: 'FORBIDDEN', rule: 'R-PERM-5' });
    expect(cancel.body.error.message).toBe(
      `Job ${closed.body.id} was started by another agent: to cancel it you need the permission settings.manage in department Support (or ask the agent who started it).`,
    );
    // An admin of Support may cancel it.
    const dee = await api.agentIn(support(), 'Admin', 'dee@acme.test');
    const byDee = await server.request('DELETE', `/api/v1/jobs/${closed.body.id}`, { token: dee.token });
    expect(byDee.status).toBe(200);
    expect(byDee.body.status).toBe('cancelled');
    await server.request('DELETE', `/api/v1/jobs/${replied.body.id}`, { token: world.tokens.admin });
  });
});
