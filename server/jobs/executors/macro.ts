import { eq } from 'drizzle-orm';
import type { OperationPayload } from '../../../core/schemas/job';
import type { MacroStep } from '../../../core/schemas/template';
import { comments, macros, ticketTasks } from '../../db/schema';
import { noticeFollowers } from '../../notices/cc-notices';
import { ItemFailure, type Executor, type ItemChange, type ItemContext } from '../executor';
import { setFields } from './ticket-fields';
import { sendReplyStep } from '../../macros/reply-step';
import type { TicketRow } from '../../db/rows';

const DAY_MS = 86_400_000;

async function runStep(ctx: ItemContext, ticket: TicketRow, step: MacroStep): Promise<ItemChange | null> {
  switch (step.type) {
    case 'set_status':
      return setFields(ctx.tx, ticket, { status: step.status });
    case 'set_fields':
      return setFields(ctx.tx, ticket, step.fields);
    case 'add_comment':
      await ctx.tx.insert(comments).values({ ticketId: ticket.id, visibility: step.visibility, body: step.body, authorAgentId: ctx.job.initiatorId });
      if (step.visibility === 'public') await noticeFollowers(ctx.tx, ticket, { kind: 'comment_added', body: step.body });
      return null;
    case 'create_task':
      await ctx.tx.insert(ticketTasks).values({ ticketId: ticket.id, title: step.title, dueAt: new Date(Date.now() + step.dueInDays * DAY_MS), createdByJobId: ctx.job.id });
      return null;
    case 'send_reply':
      return sendReplyStep(ctx, ticket, step.templateId);
  }
}

/**
 * R-BULK-14: every step, in order, on each ticket. The ticket's steps commit together: a failing
 * step leaves the ticket untouched and is reported with its number.
 */
export const macro: Executor = async (ctx) => {
  const { macroId } = ctx.job.payload as Extract<OperationPayload, { operation: 'macro' }>['payload'];
  const [found] = await ctx.tx.select().from(macros).where(eq(macros.id, macroId));
  if (!found) throw new ItemFailure(`Macro ${macroId} no longer exists.`);
  if (found.departmentId !== ctx.ticket.departmentId) throw new ItemFailure(`Macro "${found.name}" belongs to another department than this ticket.`);
  let ticket = ctx.ticket;
  const combined: ItemChange = { set: {}, action: 'macro', changes: { macro: { id: found.id, name: found.name } } };
  for (const [index, step] of found.steps.entries()) {
    try {
      const change = await runStep(ctx, ticket, step);
      if (!change) continue;
      Object.assign(combined.set, change.set);
      Object.assign(combined.changes, change.changes);
      // Later steps see earlier ones (a blueprint transition after a status step).
      ticket = { ...ticket, ...(change.set as Partial<TicketRow>) };
    } catch (error) {
      if (error instanceof ItemFailure) throw new ItemFailure(`Macro "${found.name}", step ${index + 1} (${step.type}): ${error.message}`);
      throw error;
    }
  }
  return combined;
};
