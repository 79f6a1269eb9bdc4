import { z } from 'zod';
import { tokens } from './api-tokens';
import { agents } from './agents';
import { audit } from './audit';
import { blueprints } from './blueprints';
import { byName, type ContractInput, type ContractOutput } from './contract';
import { customFieldDefinitions } from './custom-fields';
import { departments } from './departments';
import { macros } from './macros';
import { mail } from './mail';
import { roles } from './roles';
import { teams } from './teams';
import { templates } from './templates';

/**
 * What the admin console (options page) may call through the admin.call message: the background
 * checks a call's parts against the contract and the backend re-checks settings.manage in the
 * department it touches (R-PERM-1/5). Ticket writes stay out: they go through the outbox.
 */
// Listed route by route, so a route added to one of these resources later is not callable from the options page unreviewed.
export const adminContracts = byName([
  roles.list,
  roles.create,
  roles.setPermissions,
  roles.remove,
  agents.list,
  agents.create,
  agents.update,
  agents.setRole,
  teams.list,
  teams.create,
  teams.update,
  teams.remove,
  tokens.list,
  tokens.create,
  tokens.revoke,
  audit.list,
  departments.create,
  departments.update,
  departments.mail,
  departments.setMail,
  customFieldDefinitions.list,
  customFieldDefinitions.create,
  customFieldDefinitions.update,
  customFieldDefinitions.remove,
  templates.list,
  templates.create,
  templates.update,
  templates.remove,
  macros.list,
  macros.create,
  macros.update,
  macros.remove,
  blueprints.list,
  blueprints.create,
  blueprints.update,
  blueprints.remove,
  mail.undelivered,
  mail.resendOutgoing,
  mail.resendReply,
]);

export type AdminContractName = keyof typeof adminContracts;
export const AdminContractName = z.enum(Object.keys(adminContracts) as [AdminContractName, ...AdminContractName[]]);

export type AdminInput<K extends AdminContractName> = ContractInput<(typeof adminContracts)[K]>;
export type AdminOutput<K extends AdminContractName> = ContractOutput<(typeof adminContracts)[K]>;
/** Whatever some admin contract answers: what the admin.call message carries back. */
export type AdminAnswer = AdminOutput<AdminContractName>;

/** The message that carries one admin call from the options page to the background. */
export const AdminCall = z
  .object({
    op: AdminContractName,
    params: z.record(z.string(), z.number()).optional(),
    query: z.record(z.string(), z.number().optional()).optional(),
    body: z.unknown().optional(),
  })
  .strict();
export type AdminCall = z.infer<typeof AdminCall>;
