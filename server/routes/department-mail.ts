import * as contracts from '../../core/contracts';
import { departmentMail, setDepartmentMail } from '../admin/department-mail';
import type { Api } from '../http/route';

/** A department's own SMTP server and from-addresses (settings.manage); the password never leaves the server. */
export function departmentMailRoutes(api: Api) {
  api.add(contracts.departments.mail, ({ db, auth, params }) => departmentMail(db, auth, params.id));
  api.add(contracts.departments.setMail, ({ db, auth, params, body }) => setDepartmentMail(db, auth, params.id, body));
}
