import { eq } from 'drizzle-orm';
import * as contracts from '../../core/contracts';
import { checkCcEnabled } from '../../core/rules/cc-rules';
import type { DepartmentFeatures } from '../../core/schemas/department';
import { departments } from '../db/schema';
import { enforce } from '../http/api-failure';
import { managedDepartment } from '../http/department-scope';
import type { Api } from '../http/route';

/** Per-department switches (R-PERM-1): read receipts (R-RCPT-1) and secondary contacts with their options (R-CC-1, R-CC-6). */
export function departmentFeatureRoutes(api: Api) {
  api.add(
    contracts.departments.setFeatures,
    async ({ db, auth, params, body }) => {
      const row = await managedDepartment(db, auth, params.id);
      const { helpCenter = row.helpCenter, ...switches } = body;
      const features: DepartmentFeatures = { ...row.features, ...switches, ccOptions: { ...row.features.ccOptions, ...body.ccOptions } };
      // R-CC-1: CC needs the department's help center, so neither may leave the other behind.
      if (features.cc) enforce(checkCcEnabled({ ...row, helpCenter, features }));
      const [updated] = await db.update(departments).set({ features, helpCenter }).where(eq(departments.id, row.id)).returning();
      return updated!;
    },
  );
}
