import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { runMigrations } from '../../server/db/migrate';
import { agents, macros } from '../../server/db/schema';
import { seedDemo } from '../../server/db/seed/demo';
import { loadAccess } from '../../server/http/auth';
import { checkJobPermissions } from '../../core/rules/job-request';
import { hasPermission } from '../../core/rules/permissions';

/** Issue 20.6: ticket.send_email is now checked, so the demo's agents must hold it wherever they answer customers. */
describe('seeded permissions keep the demo working', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({});
    await runMigrations(database);
    await seedDemo(database.db);
  }, 60_000);
  afterAll(() => database?.close());

  it('every seeded agent who may edit tickets in a department may send e-mail there; bulk reply only with send_email (R-PERM-4)', async () => {
    const people = await database.db.select().from(agents);
    let checked = 0;
    for (const person of people) {
      const { access } = await loadAccess(database.db, person.id);
      for (const d of access.departments) {
        if (hasPermission(access, 'ticket.edit', d.departmentId)) {
          expect(hasPermission(access, 'ticket.send_email', d.departmentId), `${person.email} in ${d.departmentName}`).toBe(true);
          checked++;
        }
        if (hasPermission(access, 'ticket.bulk_reply', d.departmentId)) expect(hasPermission(access, 'ticket.send_email', d.departmentId)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("the demo's reply macro may be run by the demo agent, and a bulk reply by the Billing specialist in Billing", async () => {
    const [agent] = (await database.db.select().from(agents)).filter((a) => a.email === 'agent@demo.example');
    const [olivia] = (await database.db.select().from(agents)).filter((a) => a.email === 'olivia.martin@demo.example');
    const replyMacro = (await database.db.select().from(macros)).find((m) => m.steps.some((s) => s.type === 'send_reply'))!;
    const agentAccess = (await loadAccess(database.db, agent!.id)).access;
    expect(checkJobPermissions(agentAccess, 'macro', 'bulk', [replyMacro.departmentId], true).ok).toBe(true);
    const oliviaAccess = (await loadAccess(database.db, olivia!.id)).access;
    const billing = oliviaAccess.departments.find((d) => d.departmentName === 'Billing')!.departmentId;
    expect(checkJobPermissions(oliviaAccess, 'reply', 'bulk', [billing]).ok).toBe(true);
  });
});
