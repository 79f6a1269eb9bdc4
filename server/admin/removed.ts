export { Removed } from '../../core/schemas/admin-ops';

export const removed = (id: number) => ({ id, removed: true as const });
