import { ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DepartmentRow } from '../db/rows';
import { agents, departments } from '../db/schema';

/**
 * What R-CC-3 refuses besides a contact's own state: every agent's address and the support and
 * from-addresses of every department, not only the ticket's (mail to them would loop back in).
 */
export async function ccRefusalContext(db: Db, department: Pick<DepartmentRow, 'id'>) {
  const [agentRows, otherDepartments] = await Promise.all([
    db.select({ email: agents.email }).from(agents),
    db
      .select({ name: departments.name, supportAddresses: departments.supportAddresses, fromAddresses: departments.fromAddresses })
      .from(departments)
      .where(ne(departments.id, department.id)),
  ]);
  return { agentEmails: agentRows.map((a) => a.email), otherDepartments };
}
