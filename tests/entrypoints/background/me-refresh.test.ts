import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../../core/schemas/api';
import type { Permission } from '../../../core/schemas/role';
import { refreshMe } from '../../../entrypoints/background/me-refresh';

const agent = { id: 3, email: 'agent@demo.example', name: 'Agent', active: true };
const role = { id: 3, name: 'Agent', kind: 'agent' as const };
const meWith = (departments: [number, Permission[]][]): Me => ({
  agent,
  departments: departments.map(([departmentId, permissions]) => ({ departmentId, departmentName: `D${departmentId}`, role, permissions })),
});

let current: Me = meWith([[1, ['ticket.view']]]);
let server: Server;
let backendUrl = '';
beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(current)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());

const refresh = (previous: Me | null) => refreshMe({ backendUrl, token: 'idk_good-token-000' }, previous);

describe('refreshMe', () => {
  it('R-PERM-3: brings a permission an admin granted since the last sync', async () => {
    const before = meWith([[1, ['ticket.view', 'ticket.send_email']]]);
    current = meWith([[1, ['ticket.view', 'ticket.send_email', 'ticket.bulk_reply']]]);
    const { me, viewChanged, accessChanged } = await refresh(before);
    expect(me.departments[0]!.permissions).toContain('ticket.bulk_reply');
    expect(viewChanged).toBe(false);
    expect(accessChanged).toBe(true);
    expect((await refresh(me)).accessChanged).toBe(false);
  });

  it('R-PERM-5: says the viewable departments changed, so the index is rebuilt', async () => {
    current = meWith([
      [1, ['ticket.view']],
      [2, ['ticket.view']],
    ]);
    expect((await refresh(meWith([[1, ['ticket.view']]]))).viewChanged).toBe(true);
    current = meWith([[1, []]]);
    expect((await refresh(meWith([[1, ['ticket.view']]]))).viewChanged).toBe(true);
  });

  it('does not call a first sign-in a change', async () => {
    current = meWith([[1, ['ticket.view']]]);
    expect(await refresh(null)).toMatchObject({ viewChanged: false, accessChanged: false });
  });
});
