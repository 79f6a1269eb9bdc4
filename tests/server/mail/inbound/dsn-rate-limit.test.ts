import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, peerEnv, type TestServer } from '../../harness';
import { startWorld } from '../../world';

const SECRET = 'inbound-secret-for-rate-limit-tests-0123456789';

/** Issue 21: POST /inbound/dsn had no rate limit of its own; one client's flood is now refused before its token and body are looked at. */
describe.each(databaseKinds)('POST /inbound/dsn rate limit on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    ({ server } = await startWorld(kind, { inboundSecret: SECRET }));
  });
  afterAll(() => server.close());

  const post = (from: string, token: string) =>
    server.app.request(
      '/api/v1/inbound/dsn',
      { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'not a report' }) },
      peerEnv(from),
    );

  it('answers 429 with Retry-After past 120 a minute from one address, counting refused tokens too; other addresses still get through', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await post('198.51.100.7', i % 2 ? SECRET : 'wrong-token')).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const limited = await post('198.51.100.7', SECRET);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('bounce (DSN)') } });
    expect((await post('198.51.100.8', SECRET)).status).not.toBe(429);
  });
});
