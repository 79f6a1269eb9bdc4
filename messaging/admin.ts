import { adminOps, type AdminInput, type AdminOpName, type AdminOutput } from '../core/schemas/admin-ops';
import { send } from './send';

/** One admin console operation through the background; the answer is checked against the operation's schema. */
export async function admin<K extends AdminOpName>(op: K, input: AdminInput<K>): Promise<AdminOutput<K>> {
  const data = await send('admin.call', { op, ...(input as object) });
  return adminOps[op].response.parse(data) as AdminOutput<K>;
}
