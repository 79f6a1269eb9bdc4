import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jobs, macros } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('reply templates on %s', (kind) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => ({ server, world } = await startWorld(kind)));
  afterAll(() => server.close());

  const post = (body: unknown, token = world.tokens.admin) => server.request('POST', '/api/v1/templates', { token, body });

  it('R-REPLY-2 an unknown placeholder is refused when the template is saved, naming it and the ones that exist', async () => {
    const res = await post({ departmentId: world.departments.support.id, name: 'Typo', subject: 'Re #{{ticket.number}}', body: 'Hi {{customer.name}}' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ rule: 'R-REPLY-2', details: { placeholders: ['customer.name'] } });
    expect(res.body.error.message).toContain('{{contact.name}}');
    const ok = await post({ departmentId: world.departments.support.id, name: 'Outage over', subject: 'Re #{{ticket.number}}', body: 'Hi {{contact.name}}' });
    expect(ok.status).toBe(201);
    const patched = await server.request('PATCH', `/api/v1/templates/${ok.body.id}`, { token: world.tokens.admin, body: { body: 'Hi {{agent.nickname}}' } });
    expect(patched.body.error.rule).toBe('R-REPLY-2');
  });

  it('writes need settings.manage in the department; names are unique per department', async () => {
    const denied = await post({ departmentId: world.departments.support.id, name: 'Mine', body: 'x' }, world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage');
    const taken = await post({ departmentId: world.departments.support.id, name: 'outage', body: 'x' });
    expect(taken.status).toBe(409);
  });

  it("R-BULK-14 looks for macros sending the template in the template's own department only", async () => {
    const template = await post({ departmentId: world.departments.billing.id, name: 'Stray', body: 'x' });
    // The API refuses a macro sending another department's template; a stray row from before that rule cannot block the delete.
    await server.database.db.insert(macros).values({ departmentId: world.departments.support.id, name: 'Stray', steps: [{ type: 'send_reply', templateId: template.body.id }] });
    const deleted = await server.request('DELETE', `/api/v1/templates/${template.body.id}`, { token: world.tokens.admin });
    expect(deleted.status).toBe(200);
  });

  it('deletes a template (settings.manage) only while no macro sends it, naming the macros (409)', async () => {
    const template = world.templates.outage.id;
    const remove = (token = world.tokens.admin) => server.request('DELETE', `/api/v1/templates/${template}`, { token });
    const denied = await remove(world.tokens.agent);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('settings.manage');
    const macro = await server.request('POST', '/api/v1/macros', {
      token: world.tokens.admin,
      body: { departmentId: world.departments.support.id, name: 'Outage notice', steps: [{ type: 'send_reply', templateId: template }] },
    });
    expect(macro.status).toBe(201);
    const used = await remove();
    expect(used.status).toBe(409);
    expect(used.body.error.message).toContain('"Outage notice"');
    expect(used.body.error.details).toEqual({ macroIds: [macro.body.id] });

    expect((await server.request('DELETE', `/api/v1/macros/${macro.body.id}`, { token: world.tokens.admin })).status).toBe(200);
    const deleted = await remove();
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: template, removed: true });
    expect((await remove()).status).toBe(404);
  });

  it('keeps a template while a bulk reply is still sending it, naming the job (409), and deletes it once the job finished', async () => {
    const template = (await post({ departmentId: world.departments.support.id, name: 'In flight', body: 'Hello {{contact.name}}' })).body.id as number;
    const [job] = await server.database.db
      .insert(jobs)
      .values({
        operation: 'reply',
        mode: 'bulk',
        payload: { templateId: template, body: '' },
        departmentId: world.departments.support.id,
        initiatorId: world.agents.admin.id,
        status: 'running',
      })
      .returning();
    const remove = () => server.request('DELETE', `/api/v1/templates/${template}`, { token: world.tokens.admin });
    const refused = await remove();
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(`Template "In flight" is being sent by bulk reply job ${job!.id}; delete it once that job has finished.`);
    await server.database.db.update(jobs).set({ status: 'completed' }).where(eq(jobs.id, job!.id));
    expect((await remove()).status).toBe(200);
  });
});
