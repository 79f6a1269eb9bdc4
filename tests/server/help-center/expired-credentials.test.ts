import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { helpCenterLinks, helpCenterSessions } from '../../../server/db/schema';
import { purgeExpiredCredentials } from '../../../server/help-center/expired-credentials';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld, type World } from '../world';
import { customer } from './fixtures';

describe.each(databaseKinds)('purging expired help-center sign-ins on %s', (kind) => {
  let server: TestServer;
  let world: World;
  let db: Db;

  beforeAll(async () => {
    ({ server, world } = await startWorld(kind));
    db = server.database.db;
  });
  afterAll(() => server.close());

  it('removes expired links and sessions, and keeps live ones and used links still counted by the per-address limit', async () => {
    const person = await customer(db);
    const departmentId = world.departments.support.id;
    const now = new Date('2026-12-01T12:00:00Z');
    const past = new Date(now.getTime() - 60_000);
    const future = new Date(now.getTime() + 60_000);
    const link = (tokenHash: string, expiresAt: Date, usedAt: Date | null = null) => ({ tokenHash, contactId: person.id, departmentId, expiresAt, usedAt });
    await db.insert(helpCenterLinks).values([link('expired', past), link('live', future), link('used-live', future, past)]);
    const session = (tokenHash: string, expiresAt: Date) => ({ tokenHash, contactId: person.id, departmentId, csrfToken: 'x', expiresAt });
    await db.insert(helpCenterSessions).values([session('old', past), session('current', future)]);

    expect(await purgeExpiredCredentials(db, now)).toBe(2);
    expect((await db.select().from(helpCenterLinks)).map((l) => l.tokenHash).sort()).toEqual(['live', 'used-live']);
    expect((await db.select().from(helpCenterSessions)).map((s) => s.tokenHash)).toEqual(['current']);
  });
});
