import { eq } from 'drizzle-orm';
import type { OperationPayload } from '../../../core/schemas/job';
import { comments, contacts } from '../../db/schema';
import { noticeFollowers } from '../../notices/cc-notices';
import { ItemFailure, type Executor } from '../executor';
import { requireMember, requireTeamOf } from './guards';
import { setFields } from './ticket-fields';

type PayloadOf<O extends OperationPayload['operation']> = Extract<OperationPayload, { operation: O }>['payload'];
const payloadOf = <O extends OperationPayload['operation']>(job: { payload: unknown }) => job.payload as PayloadOf<O>;

export const assign: Executor = async ({ tx, job, ticket }) => {
  const payload = payloadOf<'assign'>(job);
  if ('agentId' in payload) {
    await requireMember(tx, payload.agentId, ticket.departmentId);
    return { set: { assigneeAgentId: payload.agentId }, action: 'assigned', changes: { assigneeAgentId: { from: ticket.assigneeAgentId, to: payload.agentId } } };
  }
  await requireTeamOf(tx, payload.teamId, ticket.departmentId);
  // A team assignment puts the ticket in the team's queue: no single agent owns it then.
  return {
    set: { assigneeTeamId: payload.teamId, assigneeAgentId: null },
    action: 'assigned',
    changes: { assigneeTeamId: { from: ticket.assigneeTeamId, to: payload.teamId }, assigneeAgentId: { from: ticket.assigneeAgentId, to: null } },
  };
};

export const updateField: Executor = ({ tx, job, ticket }) => {
  const { field, value } = payloadOf<'update_field'>(job);
  return setFields(tx, ticket, { [field]: value });
};

export const close: Executor = ({ tx, ticket }) => setFields(tx, ticket, { status: 'closed' });

export const comment: Executor = async ({ tx, job, ticket }) => {
  const { visibility, body } = payloadOf<'comment'>(job);
  await tx.insert(comments).values({ ticketId: ticket.id, visibility, body, authorAgentId: job.initiatorId });
  if (visibility === 'public') await noticeFollowers(tx, ticket, { kind: 'comment_added', body });
  return { set: {}, action: 'commented', changes: { comment: { visibility } } };
};

/** R-BULK-11: to the trash, restorable for 60 days. */
export const trash: Executor = async ({ ticket }) => {
  if (ticket.trashedAt) throw new ItemFailure('Already in the trash.');
  const now = new Date();
  return { set: { trashedAt: now }, action: 'deleted', changes: { trashedAt: { from: null, to: now.toISOString() } } };
};

/** R-BULK-12: the ticket goes to the spam view; with sender, its contact's later tickets arrive as spam. */
export const spam: Executor = async ({ tx, job, ticket }) => {
  const { sender } = payloadOf<'spam'>(job);
  if (sender) await tx.update(contacts).set({ spam: true }).where(eq(contacts.id, ticket.contactId));
  return { set: { spam: true }, action: 'marked_spam', changes: { spam: { from: ticket.spam, to: true }, ...(sender ? { senderSpam: true } : {}) } };
};

/** R-BULK-15: frees the ticket from its blueprint. */
export const removeBlueprint: Executor = async ({ ticket }) => {
  if (ticket.blueprintId === null) throw new ItemFailure('No blueprint is applied to this ticket.');
  return { set: { blueprintId: null }, action: 'blueprint_removed', changes: { blueprintId: { from: ticket.blueprintId, to: null } } };
};

/** R-BULK-13: replaces any existing resolution. */
export const updateResolution: Executor = async ({ job, ticket }) => {
  const { text } = payloadOf<'update_resolution'>(job);
  return { set: { resolution: text }, action: 'updated', changes: { resolution: { from: ticket.resolution, to: text } } };
};
