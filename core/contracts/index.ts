import { tokens } from './api-tokens';
import { agents } from './agents';
import { audit } from './audit';
import { blueprints } from './blueprints';
import { comments } from './comments';
import { contacts } from './contacts';
import { customFieldDefinitions } from './custom-fields';
import type { Contract } from './contract';
import { departments } from './departments';
import { directory } from './directory';
import { inbound } from './inbound';
import { jobs } from './jobs';
import { macros } from './macros';
import { mail } from './mail';
import { mailboxes } from './mailboxes';
import { merge } from './merge';
import { presence } from './presence';
import { receipts } from './receipts';
import { roles } from './roles';
import { secondaryContacts } from './secondary-contacts';
import { session } from './session';
import { teams } from './teams';
import { templates } from './templates';
import { tickets } from './tickets';
import { ticketReplies } from './ticket-replies';
import { trash } from './trash';
import { views } from './views';

export {
  agents,
  audit,
  blueprints,
  comments,
  contacts,
  customFieldDefinitions,
  departments,
  directory,
  inbound,
  jobs,
  macros,
  mail,
  mailboxes,
  merge,
  presence,
  receipts,
  roles,
  secondaryContacts,
  session,
  teams,
  templates,
  tickets,
  ticketReplies,
  tokens,
  trash,
  views,
};

/** Every JSON route of /api/v1, by resource: the server registers each, the background calls them. */
export const resources = {
  session,
  tickets,
  ticketReplies,
  presence,
  comments,
  secondaryContacts,
  receipts,
  merge,
  jobs,
  inbound,
  contacts,
  departments,
  customFieldDefinitions,
  views,
  directory,
  trash,
  mail,
  mailboxes,
  templates,
  macros,
  blueprints,
  roles,
  agents,
  teams,
  tokens,
  audit,
};

type Resources = typeof resources;
/** Any one contract of the index, with its own schema types. */
export type AnyContract = { [R in keyof Resources]: Resources[R][keyof Resources[R]] }[keyof Resources];
export type ContractName = AnyContract['name'];

export const allContracts: Contract[] = Object.values(resources).flatMap((members) => Object.values(members));

const named = new Map(allContracts.map((c) => [c.name, c]));

/** The contract an outbox entry names; undefined for a name no contract has (any more). */
export const contractNamed = (name: string): Contract | undefined => named.get(name);
