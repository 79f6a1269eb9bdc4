import { z } from 'zod';
import { Id, IdParam, Timestamp } from './common';

/** What the audit log records: every change to a token, a role, or who holds which role. */
export const AuditAction = z.enum([
  'token.created',
  'token.revoked',
  'role.created',
  'role.permissions_changed',
  'role.removed',
  'agent.role_changed',
  'agent.deactivated',
  'agent.reactivated',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** Why a token stopped working, when it did not stop at an admin's own click. */
export const TokenRevokeReason = z.enum(['revoked', 'agent_deactivated', 'creator_out_of_reach']);
export type TokenRevokeReason = z.infer<typeof TokenRevokeReason>;

/** One entry: who (actor, null for the server itself or the command line), when, what, and on whom. */
export const AuditEvent = z
  .object({
    id: Id,
    at: Timestamp,
    action: AuditAction,
    actorId: Id.nullable(),
    actorName: z.string().nullable(),
    agentId: Id.nullable(),
    agentName: z.string().nullable(),
    roleId: Id.nullable(),
    tokenId: Id.nullable(),
    departmentIds: z.array(Id),
    /** What changed: a token's label and reason, a role's name and permissions before and after, a role held before and after. */
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

/** GET /audit: newest first, `before` the last id of the previous page. */
export const AuditListQuery = z
  .object({
    before: IdParam.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    agentId: IdParam.optional(),
  })
  .strict();
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditPage = z.object({ items: z.array(AuditEvent), nextBefore: Id.nullable() }).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
