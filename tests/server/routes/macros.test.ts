import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../harness';
import { buildWorld, type World } from '../world';

describe.each(databaseKinds)('macro routes on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let templateId: Record<'outage' | 'refund', number>;
  const get = (path: string, token = world.tokens.admin) => server.request('GET', `/api/v1${path}`, { token });
  const post = (body: unknown, token = world.tokens.admin) => server.request('POST', '/api/v1/macros', { token, body });
  const patch = (id: number, body: unknown, token = world.tokens.admin) => server.request('PATCH', `/api/v1/macros/${id}`, { token, body });
  const remove = (id: number, token = world.tokens.admin) => server.request('DELETE', `/api/v1/macros/${id}`, { token });
  const support = () => world.departments.support.id;
  const closeStep = { type: 'set_status', status: 'closed' };

  beforeAll(async () => {
    server = await createTestServer(kind);
    world = await buildWorld(server.database.db);
    const templates: { id: number; name: string }[] = (await get('/templates')).body.items;
    templateId = { outage: templates.find((t) => t.name === 'Outage')!.id, refund: templates.find((t) => t.name === 'Refund')!.id };
  });
  afterAll(() => server.close());

  it('R-BULK-14 creates, lists, changes and deletes a macro of named steps', async () => {
    const steps = [
      { type: 'send_reply', templateId: templateId.outage },
      { type: 'add_comment', visibility: 'private', body: 'Told them about the outage.' },
      { type: 'set_fields', fields: { region: 'EU', affected: true } },
      { type: 'create_task', title: 'Check back', dueInDays: 2 },
      closeStep,
    ];
    const created = await post({ departmentId: support(), name: 'Outage reply', steps });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ departmentId: support(), name: 'Outage reply', steps });
    const id = created.body.id;
    expect((await get(`/macros?departmentId=${support()}`, world.tokens.agent)).body.items).toEqual([created.body]);
    const changed = await patch(id, { name: 'Outage: close', steps: [closeStep] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, name: 'Outage: close', steps: [closeStep] });
    const deleted = await remove(id);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id, removed: true });
    expect((await get('/macros')).body.items).toEqual([]);
    expect((await remove(id)).status).toBe(404);
  });

  it('R-BULK-14 a reply step must use a template of the same department (422 naming template and department)', async () => {
    const res = await post({ departmentId: support(), name: 'Wrong template', steps: [{ type: 'send_reply', templateId: templateId.refund }] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-BULK-14', details: { templateIds: [templateId.refund] } });
    expect(res.body.error.message).toContain(`template ${templateId.refund}`);
    expect(res.body.error.message).toContain('department Support');
    const unknown = await post({ departmentId: support(), name: 'Ghost template', steps: [{ type: 'send_reply', templateId: 987654 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.rule).toBe('R-BULK-14');
  });

  it('R-BULK-14 changing the steps checks their templates too', async () => {
    const created = await post({ departmentId: world.departments.billing.id, name: 'Refund', steps: [{ type: 'send_reply', templateId: templateId.refund }] });
    expect(created.status).toBe(201);
    const res = await patch(created.body.id, { steps: [{ type: 'send_reply', templateId: templateId.outage }] });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('department Billing');
    expect((await get(`/macros?departmentId=${world.departments.billing.id}`)).body.items[0].steps).toEqual(created.body.steps);
  });

  it('a name is unique per department, whatever its case (409)', async () => {
    const first = await post({ departmentId: support(), name: 'Close it', steps: [closeStep] });
    expect(first.status).toBe(201);
    const duplicate = await post({ departmentId: support(), name: 'close IT', steps: [closeStep] });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'CONFLICT', details: { macroId: first.body.id } });
    expect((await post({ departmentId: world.departments.returns.id, name: 'Close it', steps: [closeStep] })).status).toBe(201);
    const second = await post({ departmentId: support(), name: 'Park it', steps: [{ type: 'set_status', status: 'on_hold' }] });
    expect((await patch(second.body.id, { name: 'Close it' })).status).toBe(409);
    expect((await patch(first.body.id, { name: 'Close it' })).status).toBe(200);
  });

  it('R-PERM-5 writes need settings.manage in the department; reading needs ticket.view', async () => {
    const byLead = await post({ departmentId: support(), name: 'Lead macro', steps: [closeStep] }, world.tokens.lead);
    expect(byLead.status).toBe(403);
    expect(byLead.body.error).toMatchObject({ rule: 'R-PERM-5', message: expect.stringContaining('settings.manage in department Support') });
    const existing = (await get(`/macros?departmentId=${support()}`)).body.items[0];
    expect((await patch(existing.id, { name: 'Renamed' }, world.tokens.agent)).status).toBe(403);
    expect((await remove(existing.id, world.tokens.lead)).status).toBe(403);
    expect((await post({ departmentId: world.departments.returns.id, name: 'x', steps: [closeStep] }, world.tokens.agent)).status).toBe(403);
    const read = await get(`/macros?departmentId=${world.departments.billing.id}`, world.tokens.agent);
    expect(read.status).toBe(403);
    expect(read.body.error.message).toContain('ticket.view');
  });

  it('R-BULK-14 a macro has 1 to 50 valid steps (400 with field paths)', async () => {
    const many = (n: number) => Array.from({ length: n }, () => closeStep);
    expect((await post({ departmentId: support(), name: 'Fifty', steps: many(50) })).status).toBe(201);
    const tooMany = await post({ departmentId: support(), name: 'Fifty-one', steps: many(51) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.issues[0].path).toBe('body.steps');
    expect((await post({ departmentId: support(), name: 'Empty', steps: [] })).status).toBe(400);
    const bad = await post({ departmentId: support(), name: ' ', steps: [{ type: 'create_task', title: 'x', dueInDays: 400 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.name', 'body.steps.0.dueInDays']));
  });
});
