import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOps } from '../../../core/schemas/admin-ops';
import { createTestServer, type TestServer } from '../harness';

describe('the admin console contract (core/schemas/admin-ops.ts)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer('pglite');
  });
  afterAll(() => server.close());

  it('every admin operation is served at its method and path', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const missing = Object.entries(adminOps).filter(([, op]) => !doc.paths[`/api/v1${op.path.replace(/:(\w+)/g, '{$1}')}`]?.[op.method]);
    expect(missing.map(([name, op]) => `${name}: ${op.method.toUpperCase()} ${op.path}`)).toEqual([]);
  });
});
