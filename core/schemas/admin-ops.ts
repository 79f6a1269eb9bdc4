// The admin operations became contracts (core/contracts/admin.ts). This re-export stays only for
// server/admin/removed.ts, which another branch owns: once that imports Removed from './api', delete this file.
export { Removed } from './api';
