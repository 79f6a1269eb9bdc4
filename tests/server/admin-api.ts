import type { TestServer } from './harness';
import type { World } from './world';

/** The admin console's calls, as an admin of every department (the world's Ada) or whoever is given. */
export function adminApi(server: TestServer, world: World) {
  const call = (method: string, path: string, body?: unknown, token: string = world.tokens.admin) =>
    server.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
  const roleId = async (name: string): Promise<number> => {
    const roles: { id: number; name: string }[] = (await call('GET', '/roles')).body.items;
    return roles.find((r) => r.name === name)!.id;
  };
  /** A new agent holding `role` in one department only, with a working token. */
  const agentIn = async (departmentId: number, role: string, email: string) => {
    const agent = (await call('POST', '/agents', { email, name: email.split('@')[0] })).body;
    const set = await call('PUT', `/agents/${agent.id}/departments/${departmentId}`, { roleId: await roleId(role) });
    if (set.status !== 200) throw new Error(`setting the role failed: ${JSON.stringify(set.body)}`);
    const token: string = (await call('POST', '/tokens', { agentId: agent.id, label: 'tests' })).body.token;
    return { id: agent.id as number, token };
  };
  /**
   * A new agent holding, in one department, a new custom role with exactly these permissions: with
   * settings.manage, a manager of that department who is not an admin of it.
   */
  const customIn = async (departmentId: number, roleName: string, permissions: string[], email: string) => {
    const role: number = (await call('POST', '/roles', { name: roleName })).body.id;
    const set = await call('PUT', `/roles/${role}/departments/${departmentId}`, { permissions });
    if (set.status !== 200) throw new Error(`setting the permissions failed: ${JSON.stringify(set.body)}`);
    return { ...(await agentIn(departmentId, roleName, email)), roleId: role };
  };
  return { call, roleId, agentIn, customIn };
}

export type AdminApi = ReturnType<typeof adminApi>;
