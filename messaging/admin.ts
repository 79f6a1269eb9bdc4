import { adminContracts, type AdminContractName, type AdminInput, type AdminOutput } from '../core/contracts/admin';
import { send } from './send';

/** One admin console call through the background, by contract name; the answer is checked against that contract's response schema. */
export async function admin<K extends AdminContractName>(op: K, input: AdminInput<K>): Promise<AdminOutput<K>> {
  const data = await send('admin.call', { op, ...(input as object) });
  return adminContracts[op].response.parse(data) as AdminOutput<K>;
}
