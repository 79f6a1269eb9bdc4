import { z } from 'zod';
import { Agent, Team } from './agent';
import { Email, HeaderText, Id, IdParam, Text, Timestamp, TimestampInput } from './common';
import { Permission, RoleKind } from './role';

const Name = Text.trim().min(1).max(120);
const nonEmpty = (patch: object) => Object.keys(patch).length > 0;
const NOTHING_TO_CHANGE = { message: 'Nothing to change: send at least one field.' };

/** A new role starts with no permission anywhere, or with a copy of another role's (in departments you manage). */
export const RoleCreate = z.object({ name: Name, kind: RoleKind.exclude(['admin']).default('custom'), copyFromRoleId: Id.optional() }).strict();
export type RoleCreate = z.infer<typeof RoleCreate>;

/** PUT /roles/:id/departments/:departmentId — the role's whole permission set in that department (R-PERM-1). */
export const RolePermissionsPut = z.object({ permissions: z.array(Permission).max(20) }).strict();
export type RolePermissionsPut = z.infer<typeof RolePermissionsPut>;

/** An agent as an admin sees them: their role in each department they work in, and their teams. */
export const AdminAgent = Agent.extend({
  memberships: z.array(z.object({ departmentId: Id, roleId: Id })),
  teamIds: z.array(Id),
}).meta({ id: 'AdminAgent' });
export type AdminAgent = z.infer<typeof AdminAgent>;

export const AgentCreate = z.object({ email: Email, name: HeaderText.trim().min(1).max(200) }).strict();
export type AgentCreate = z.infer<typeof AgentCreate>;

export const AgentPatch = z
  .object({ name: HeaderText.trim().min(1).max(200).optional(), active: z.boolean().optional() })
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);
export type AgentPatch = z.infer<typeof AgentPatch>;

/** PUT /agents/:id/departments/:departmentId — the agent's role there; null takes them out of the department. */
export const MembershipPut = z.object({ roleId: Id.nullable() }).strict();
export type MembershipPut = z.infer<typeof MembershipPut>;

export const TeamCreate = z.object({ departmentId: Id, name: Name, memberIds: z.array(Id).max(500).default([]) }).strict();
export type TeamCreate = z.infer<typeof TeamCreate>;

export const TeamPatch = z
  .object({ name: Name.optional(), memberIds: z.array(Id).max(500).optional() })
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);
export type TeamPatch = z.infer<typeof TeamPatch>;

export { Team };

/** What is kept of an API token: never the token itself (stored as SHA-256). */
export const ApiToken = z
  .object({
    id: Id,
    agentId: Id,
    label: z.string(),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    /** After this instant the token answers 401; null: it never expires. */
    expiresAt: Timestamp.nullable(),
    /** Who minted it (null: the command line, or an agent since removed). */
    createdById: Id.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const TokenCreate = z.object({ agentId: Id, label: Text.trim().min(1).max(120), expiresAt: TimestampInput.optional() }).strict();
export type TokenCreate = z.infer<typeof TokenCreate>;

/** GET /tokens: your own tokens, or another agent's. */
export const TokenListQuery = z.object({ agentId: IdParam.optional() }).strict();

/** The plain token, in the one answer that creates it; it cannot be read again. */
export const TokenCreated = ApiToken.extend({ token: z.string() }).meta({ id: 'TokenCreated' });
export type TokenCreated = z.infer<typeof TokenCreated>;

export const DepartmentCreate = z.object({ name: Name, supportAddresses: z.array(Email).max(20).default([]), fromAddresses: z.array(Email).min(1).max(20) }).strict();
export type DepartmentCreate = z.infer<typeof DepartmentCreate>;

/** PATCH /departments/:id — its name and the addresses customers write to. */
export const DepartmentPatch = z
  .object({
    name: Name.optional(),
    supportAddresses: z.array(Email).max(20).optional(),
    /** R-BULK-15: one of the department's blueprints to apply to every new ticket, or null for none. */
    newTicketBlueprintId: Id.nullable().optional(),
  })
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);
export type DepartmentPatch = z.infer<typeof DepartmentPatch>;
