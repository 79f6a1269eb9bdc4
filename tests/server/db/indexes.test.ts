import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDepartmentFeatures } from '../../../core/schemas/department';
import { departments, roles } from '../../../server/db/schema';
import { databaseKinds, type TestServer } from '../harness';
import { startWorld } from '../world';

describe.each(databaseKinds)('indexes of migration 0011 on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => ({ server } = await startWorld(kind)));
  afterAll(() => server.close());

  const indexesOf = async (table: string): Promise<string[]> => {
    const res = await server.database.db.execute(sql`select indexname from pg_indexes where tablename = ${table} order by indexname`);
    return (res as unknown as { rows: { indexname: string }[] }).rows.map((r) => r.indexname);
  };

  it('indexes tickets by assigned team: deleting a team looks its tickets up', async () => {
    expect(await indexesOf('tickets')).toContain('tickets_assignee_team');
  });

  it('keeps role and department names unique case-insensitively, whoever writes them', async () => {
    const db = server.database.db;
    expect(await indexesOf('roles')).toContain('roles_name_lower_unique');
    expect(await indexesOf('departments')).toContain('departments_name_lower_unique');
    await expect(db.insert(roles).values({ name: 'LEAD', kind: 'custom' })).rejects.toThrow();
    await expect(db.insert(departments).values({ name: 'billing', features: defaultDepartmentFeatures })).rejects.toThrow();
    expect(await db.insert(roles).values({ name: 'Leads of night', kind: 'custom' }).returning()).toHaveLength(1);
  });
});
