import * as contracts from '../../core/contracts';
import { setDepartmentFeatures } from '../admin/department-features';
import type { Api } from '../http/route';

export function departmentFeatureRoutes(api: Api) {
  api.add(contracts.departments.setFeatures, ({ db, auth, params, body }) => setDepartmentFeatures(db, auth, params.id, body));
}
