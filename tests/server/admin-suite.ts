import { afterAll, beforeAll } from 'vitest';
import { adminApi, type AdminApi } from './admin-api';
import type { TestServer } from './harness';
import { startWorld, type World } from './world';

/** What the admin API suites share: the world on one database, its admin API, and an admin of Support only. */
export interface AdminSuite {
  server: TestServer;
  world: World;
  api: AdminApi;
  /** Admin of Support only, added through the API. */
  supportAdmin: { id: number; token: string };
  support(): number;
  billing(): number;
  returns(): number;
}

/**
 * Starts an admin suite for the calling describe block. Its fields are filled in by beforeAll, so
 * read them in hooks and tests, never while the block is being declared.
 */
export function adminSuite(kind: 'pglite' | 'postgres'): AdminSuite {
  const suite = {
    support: () => suite.world.departments.support.id,
    billing: () => suite.world.departments.billing.id,
    returns: () => suite.world.departments.returns.id,
  } as AdminSuite;
  beforeAll(async () => {
    // The server first, so afterAll closes it even when adding the Support admin fails.
    Object.assign(suite, await startWorld(kind));
    suite.api = adminApi(suite.server, suite.world);
    suite.supportAdmin = await suite.api.agentIn(suite.support(), 'Admin', 'dee@acme.test');
  });
  afterAll(() => suite.server?.close());
  return suite;
}
