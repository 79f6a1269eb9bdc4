import { IdParams } from '../../core/schemas/api';
import { Department, DepartmentFeaturesPatch } from '../../core/schemas/department';
import { setDepartmentFeatures } from '../admin/department-features';
import type { Api } from '../http/route';

/** Per-department switches (R-PERM-1): read receipts (R-RCPT-1) and secondary contacts with their options (R-CC-1, R-CC-6). */
export function departmentFeatureRoutes(api: Api) {
  api.add(
    {
      method: 'patch',
      path: '/departments/:id/features',
      tag: 'departments',
      summary:
        "Turn read receipts, the help center, or secondary contacts (CC) and their options on or off for a department (settings.manage); CC needs the help center (R-CC-1); turning receipts off hides every receipt of the department, old ones too",
      params: IdParams,
      body: DepartmentFeaturesPatch,
      response: Department,
    },
    ({ db, auth, params, body }) => setDepartmentFeatures(db, auth, params.id, body),
  );
}
