import { z } from 'zod';
import { Id, Text } from './common';
import { Channel, Priority, TicketStatus } from './ticket';

/** R-BULK-4/5 decide what may run in a view by its kind. */
export const ViewKind = z.enum(['normal', 'spam', 'shared_open', 'shared', 'archived', 'blueprint', 'all_departments']);
export type ViewKind = z.infer<typeof ViewKind>;

/** A view's filter: structured, validated, compiled to SQL with parameters — never raw strings. */
export const ViewFilter = z
  .object({
    statuses: z.array(TicketStatus).optional(),
    priorities: z.array(Priority).optional(),
    channels: z.array(Channel).optional(),
    assigneeAgentIds: z.array(Id).optional(),
    assigneeTeamIds: z.array(Id).optional(),
    unassigned: z.boolean().optional(),
    blueprintId: Id.optional(),
    tags: z.array(Text.min(1).max(60)).optional(),
    contactIds: z.array(Id).optional(),
    spam: z.boolean().optional(),
  })
  .strict();
export type ViewFilter = z.infer<typeof ViewFilter>;

export const View = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    kind: ViewKind,
    /** null only for the "all departments" view. */
    departmentId: Id.nullable(),
    filter: ViewFilter,
  })
  .meta({ id: 'View' });
export type View = z.infer<typeof View>;

/** How many live tickets a view matches now. */
export const ViewCount = z.object({ viewId: Id, total: z.number().int().nonnegative() }).meta({ id: 'ViewCount' });
export type ViewCount = z.infer<typeof ViewCount>;
