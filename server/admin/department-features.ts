import { eq } from 'drizzle-orm';
import { checkCcEnabled } from '../../core/rules/cc-rules';
import type { Department, DepartmentFeatures, DepartmentFeaturesPatch } from '../../core/schemas/department';
import type { Db } from '../db/client';
import { departments } from '../db/schema';
import { enforce } from '../http/api-failure';
import type { AuthContext } from '../http/app-env';
import { managedDepartment } from '../http/department-scope';

/** Switches are merged into the stored ones, so a patch names only what it changes. */
export async function setDepartmentFeatures(db: Db, auth: AuthContext, departmentId: number, patch: DepartmentFeaturesPatch): Promise<Department> {
  const row = await managedDepartment(db, auth, departmentId);
  const { helpCenter = row.helpCenter, ...switches } = patch;
  const features: DepartmentFeatures = { ...row.features, ...switches, ccOptions: { ...row.features.ccOptions, ...patch.ccOptions } };
  // R-CC-1: CC needs the department's help center, so neither may leave the other behind.
  if (features.cc) enforce(checkCcEnabled({ ...row, helpCenter, features }));
  const [updated] = await db.update(departments).set({ features, helpCenter }).where(eq(departments.id, row.id)).returning();
  return updated!;
}
