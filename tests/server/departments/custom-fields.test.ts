import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { waitForJob } from '../jobs/wait';
import { startWorld, type World } from '../world';

describe.each(databaseKinds)('issue 23: custom fields per department, on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let fieldsPath: string;
  beforeAll(async () => {
    ({ server, world } = await startWorld(kind, { jobs: 'run' }));
    fieldsPath = `/api/v1/departments/${world.departments.support.id}/fields`;
  });
  afterAll(() => server.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, token = world.tokens.admin) =>
    server.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  const define = async (field: Record<string, unknown>) => {
    const res = await api('POST', fieldsPath, field);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; key: string };
  };
  const newTicket = async (customFields: Record<string, unknown> = {}) =>
    api('POST', '/api/v1/tickets', { departmentId: world.departments.support.id, channel: 'email', subject: 'Seats', contact: { email: 'alice@customer.test' }, customFields });
  const ticket = async (id: number) => (await api('GET', `/api/v1/tickets/${id}`)).body;

  it('an admin defines fields of each type; agents of the department list them; others may not define them', async () => {
    await define({ key: 'plan', name: 'Plan', type: 'choice', options: ['free', 'gold'], required: true });
    await define({ key: 'seats', name: 'Seats', type: 'number' });
    await define({ key: 'renewal', name: 'Renewal date', type: 'date' });
    await define({ key: 'orderRef', name: 'Order reference', type: 'text' });

    const listed = await api('GET', fieldsPath, undefined, world.tokens.agent);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((f: { key: string }) => f.key)).toEqual(['orderRef', 'plan', 'renewal', 'seats']);

    const byAgent = await api('POST', fieldsPath, { key: 'x', name: 'X', type: 'text' }, world.tokens.agent);
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.message).toContain('settings.manage');
    const taken = await api('POST', fieldsPath, { key: 'PLAN', name: 'Plan again', type: 'text' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('already has a custom field with the key "PLAN"');
    const noChoices = await api('POST', fieldsPath, { key: 'tier', name: 'Tier', type: 'choice' });
    expect(noChoices.status).toBe(400);
    expect(JSON.stringify(noChoices.body)).toContain('a single-choice field needs at least one option');
    expect((await api('POST', fieldsPath, { key: 'note', name: 'Note', type: 'text', options: ['a'] })).status).toBe(400);
    expect((await api('POST', fieldsPath, { key: '1bad key', name: 'Bad', type: 'text' })).status).toBe(400);
  });

  it('tickets take only values that fit their fields, each refusal naming the field', async () => {
    const ok = await newTicket({ plan: 'gold', seats: 12, renewal: '2027-03-31', orderRef: 'DM-1' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.customFields).toEqual({ plan: 'gold', seats: 12, renewal: '2027-03-31', orderRef: 'DM-1' });

    const bad = await newTicket({ plan: 'platinum', seats: 'twelve', renewal: '2027-02-30' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('"Plan" takes one of: free, gold.');
    expect(bad.body.error.message).toContain('"Seats" takes a number.');
    expect(bad.body.error.message).toContain('"Renewal date" takes a date written YYYY-MM-DD.');
    const unknown = await newTicket({ colour: 'red' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('Support has no custom field "colour"');

    const t = ok.body;
    const patched = await api('PATCH', `/api/v1/tickets/${t.id}`, { version: t.version, customFields: { ...t.customFields, seats: 20 } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.customFields.seats).toBe(20);
    const badPatch = await api('PATCH', `/api/v1/tickets/${t.id}`, { version: patched.body.version, customFields: { ...t.customFields, plan: 'platinum' } });
    expect(badPatch.status).toBe(422);
  });

  it('"required" is required to close: mail still arrives without it, closing names the ticket and the field, in the API and in bulk', async () => {
    const bare = (await newTicket()).body;
    expect(bare.customFields).toEqual({});
    const refused = await api('PATCH', `/api/v1/tickets/${bare.id}`, { version: bare.version, status: 'closed' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(`Ticket #${bare.number} cannot be closed while "Plan" is empty; fill it in first.`);

    const filled = (await newTicket({ plan: 'free' })).body;
    const job = await api('POST', '/api/v1/jobs', { departmentId: world.departments.support.id, operation: 'close', ticketIds: [bare.id, filled.id], payload: {} });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    const done = await waitForJob(server, world.tokens.admin, job.body.id);
    expect(done.counts).toEqual({ total: 2, done: 1, failed: 1 });
    expect(done.failures).toEqual([expect.objectContaining({ ticketNumber: bare.number, reason: expect.stringContaining('"Plan" is empty') })]);
    expect((await ticket(filled.id)).status).toBe('closed');
    expect((await ticket(bare.id)).status).toBe('open');
  });

  it('bulk "update a field" on a custom field checks the value once, before the job is queued', async () => {
    const t = (await newTicket()).body;
    const submit = (value: unknown, field = 'custom.plan') =>
      api('POST', '/api/v1/jobs', { departmentId: world.departments.support.id, operation: 'update_field', ticketIds: [t.id], payload: { field, value } });
    const bad = await submit('platinum');
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('"Plan" takes one of: free, gold.');
    const missing = await submit('x', 'custom.colour');
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toContain('No department of this job has a custom field "colour"');
    const ok = await submit('gold');
    expect(ok.status).toBe(202);
    await waitForJob(server, world.tokens.admin, ok.body.id);
    expect((await ticket(t.id)).customFields).toEqual({ plan: 'gold' });
  });

  it('an option still in use cannot be taken away; deleting a field removes its values from the tickets', async () => {
    const fields = (await api('GET', fieldsPath)).body.items as { id: number; key: string }[];
    const plan = fields.find((f) => f.key === 'plan')!;
    const inUse = await api('PATCH', `${fieldsPath}/${plan.id}`, { options: ['free'] });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toMatch(/^Ticket #\d+ still has "gold" in "Plan"/);
    const renamed = await api('PATCH', `${fieldsPath}/${plan.id}`, { name: 'Subscription plan', options: ['free', 'gold', 'platinum'], required: false });
    expect(renamed.body).toMatchObject({ name: 'Subscription plan', options: ['free', 'gold', 'platinum'], required: false });

    const seats = fields.find((f) => f.key === 'seats')!;
    expect((await api('DELETE', `${fieldsPath}/${seats.id}`)).body).toEqual({ id: seats.id, removed: true });
    const rows = await server.database.db.select({ customFields: tickets.customFields }).from(tickets);
    expect(rows.filter((r) => 'seats' in r.customFields)).toHaveLength(0);
    expect(rows.some((r) => 'plan' in r.customFields)).toBe(true);
    expect((await api('DELETE', `/api/v1/departments/${world.departments.billing.id}/fields/${plan.id}`)).status).toBe(404);
  });
});
