import { DepartmentMail, DepartmentMailPatch } from '../../core/schemas/admin';
import { IdParams } from '../../core/schemas/api';
import { departmentMail, setDepartmentMail } from '../admin/department-mail';
import type { Api } from '../http/route';

const tag = 'departments';

/** A department's own SMTP server and from-addresses (settings.manage); the password never leaves the server. */
export function departmentMailRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/departments/:id/mail', tag, summary: "Where the department's mail leaves from (settings.manage)", params: IdParams, response: DepartmentMail },
    ({ db, auth, params }) => departmentMail(db, auth, params.id),
  );
  api.add(
    {
      method: 'patch',
      path: '/departments/:id/mail',
      tag,
      summary: 'Set the department\'s own SMTP server (smtpUrl; null: the server\'s SMTP_URL) or from-addresses (settings.manage)',
      params: IdParams,
      body: DepartmentMailPatch,
      response: DepartmentMail,
    },
    ({ db, auth, params, body }) => setDepartmentMail(db, auth, params.id, body),
  );
}
