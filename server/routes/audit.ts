import * as contracts from '../../core/contracts';
import { listAudit } from '../admin/audit-log';
import type { Api } from '../http/route';

export function auditRoutes(api: Api) {
  api.add(contracts.audit.list, ({ db, auth, query }) => listAudit(db, auth, query));
}
