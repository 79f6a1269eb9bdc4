export const removed = (id: number) => ({ id, removed: true as const });
