import { z } from 'zod';
import { Id, Text } from './common';
import { CommentVisibility } from './thread';
import { CustomFieldValue, TicketStatus } from './ticket';

export const Template = z
  .object({
    id: Id,
    departmentId: Id,
    name: z.string().min(1).max(120),
    subject: z.string().max(998),
    body: z.string().max(100_000),
  })
  .meta({ id: 'Template' });
export type Template = z.infer<typeof Template>;

/** R-BULK-14: the steps a macro runs on each ticket, in order. */
export const MacroStep = z.discriminatedUnion('type', [
  z.object({ type: z.literal('send_reply'), templateId: Id }),
  z.object({ type: z.literal('set_status'), status: TicketStatus }),
  z.object({ type: z.literal('set_fields'), fields: z.record(Text.max(100), CustomFieldValue) }),
  z.object({ type: z.literal('add_comment'), visibility: CommentVisibility, body: Text.min(1).max(100_000) }),
  z.object({ type: z.literal('create_task'), title: Text.min(1).max(200), dueInDays: z.number().int().min(0).max(365) }),
]);
export type MacroStep = z.infer<typeof MacroStep>;

export const Macro = z
  .object({
    id: Id,
    departmentId: Id,
    name: z.string().min(1).max(120),
    steps: z.array(MacroStep).min(1).max(50),
  })
  .meta({ id: 'Macro' });
export type Macro = z.infer<typeof Macro>;

/** R-BULK-15: while applied, a ticket may only move along these status transitions. */
export const Blueprint = z
  .object({
    id: Id,
    departmentId: Id,
    name: z.string().min(1).max(120),
    transitions: z.array(z.object({ from: TicketStatus, to: TicketStatus })).min(1),
  })
  .meta({ id: 'Blueprint' });
export type Blueprint = z.infer<typeof Blueprint>;
