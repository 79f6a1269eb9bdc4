import * as contracts from '../../core/contracts';
import { setDepartmentFeatures } from '../admin/department-features';
import type { Api } from '../http/route';

/** Per-department switches (R-PERM-1): read receipts (R-RCPT-1) and secondary contacts with their options (R-CC-1, R-CC-6). */
export function departmentFeatureRoutes(api: Api) {
  api.add(contracts.departments.setFeatures, ({ db, auth, params, body }) => setDepartmentFeatures(db, auth, params.id, body));
}
