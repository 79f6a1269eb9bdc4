import { z } from 'zod';
import { Id, Text, Timestamp, TimestampInput } from './common';
import { Channel, CustomFieldValue, Priority, TicketStatus } from './ticket';

/** R-BULK-4/5 decide what may run in a view by its kind. */
export const ViewKind = z.enum(['normal', 'spam', 'shared_open', 'shared', 'archived', 'blueprint', 'all_departments']);
export type ViewKind = z.infer<typeof ViewKind>;

/** A filter list is "any of"; bounded so a hostile request cannot make one statement of a million parameters. */
export const MAX_FILTER_VALUES = 1000;
const anyOf = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_FILTER_VALUES);

/** An instant range, either end open. */
export const DateRange = z
  .object({ from: TimestampInput.optional(), to: TimestampInput.optional() })
  .strict()
  .refine((r) => r.from === undefined || r.to === undefined || Date.parse(r.from) <= Date.parse(r.to), { message: 'the range starts after it ends: swap "from" and "to"' });
export type DateRange = z.infer<typeof DateRange>;

/** A custom field's key as tickets store it (custom_fields JSON). */
export const CustomFieldKey = Text.min(1).max(100);

/** A view's filter: structured, validated, compiled to SQL with parameters — never raw strings. */
export const ViewFilter = z
  .object({
    statuses: anyOf(TicketStatus).optional(),
    priorities: anyOf(Priority).optional(),
    channels: anyOf(Channel).optional(),
    assigneeAgentIds: anyOf(Id).optional(),
    assigneeTeamIds: anyOf(Id).optional(),
    /** The agent looking at the view (or running a job on it) is the assignee. */
    assigneeMe: z.boolean().optional(),
    unassigned: z.boolean().optional(),
    blueprintId: Id.optional(),
    tags: anyOf(Text.min(1).max(60)).optional(),
    contactIds: anyOf(Id).optional(),
    accounts: anyOf(Text.min(1).max(200)).optional(),
    createdAt: DateRange.optional(),
    updatedAt: DateRange.optional(),
    /** Each key's value must be one of those listed. */
    customFields: z
      .record(CustomFieldKey, anyOf(CustomFieldValue))
      .refine((r) => Object.keys(r).length <= 20, 'filters on at most 20 custom fields')
      .optional(),
    spam: z.boolean().optional(),
  })
  .strict();
export type ViewFilter = z.infer<typeof ViewFilter>;

export const ViewName = Text.trim().min(1).max(120);

export const View = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    kind: ViewKind,
    /** null only for the "all departments" view. */
    departmentId: Id.nullable(),
    /** The agent whose own view it is; null for views shared with the department. */
    ownerAgentId: Id.nullable(),
    filter: ViewFilter,
    /** Opening, counting or running a job on a view uses it; R-BULK-4 archives views unused for longer than the configured period. */
    lastUsedAt: Timestamp,
  })
  .meta({ id: 'View' });
export type View = z.infer<typeof View>;

export const ViewCreate = z
  .object({
    departmentId: Id,
    name: ViewName,
    filter: ViewFilter,
    /** Shared with the department (needs settings.manage there) or the agent's own. */
    shared: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'ViewCreate' });
export type ViewCreate = z.infer<typeof ViewCreate>;

export const ViewPatch = z
  .object({ name: ViewName.optional(), filter: ViewFilter.optional() })
  .strict()
  .refine((p) => p.name !== undefined || p.filter !== undefined, 'send a new name or a new filter')
  .meta({ id: 'ViewPatch' });
export type ViewPatch = z.infer<typeof ViewPatch>;

/** How many live tickets a view matches now. */
export const ViewCount = z.object({ viewId: Id, total: z.number().int().nonnegative() }).meta({ id: 'ViewCount' });
export type ViewCount = z.infer<typeof ViewCount>;
