import type { Violation } from '../schemas/error';
import type { Channel, Ticket } from '../schemas/ticket';
import type { ViewKind } from '../schemas/view';
import { uniqueAddresses } from './address';
import { departmentLabel, hasPermission } from './permissions';
import type { AgentAccess } from './permissions';
import { list, phrase, refusal } from '../refusals/refusal';
import { allOf, OK, verdictOf, violation } from './verdict';
import type { Verdict } from './verdict';

/** R-REPLY-1 */
export const MAX_BULK_REPLY = 50;

export interface ReplyTarget {
  ticket: Pick<Ticket, 'id' | 'number' | 'departmentId' | 'channel' | 'lastThreadChannel'>;
  contactEmail: string | null;
  /** R-BULK-12: a contact marked spam never gets a reply. */
  contactSpam?: boolean;
}

/** R-REPLY-4: why a channel cannot take a bulk reply, or null when it can. */
function channelRefusal(number: number, id: number, channel: Channel, lastThreadChannel: Channel | null): Violation | null {
  switch (channel) {
    case 'email':
    case 'web':
    case 'phone':
      return null;
    case 'social':
      if (lastThreadChannel === 'email') return null;
      if (lastThreadChannel === null) return refusal('R-REPLY-4', 'reply.socialUnknown', { number }, id);
      return refusal('R-REPLY-4', 'reply.socialLast', { number, channel: phrase(`channel.${lastThreadChannel}`, {}) }, id);
    case 'chat':
    case 'forum':
    case 'im':
      return refusal('R-REPLY-4', 'reply.channel', { number, channel: phrase(`channel.${channel}`, {}) }, id);
  }
}

/** Whether one ticket can receive a bulk reply; every reason is reported, not just the first. */
export function replyEligibility(target: ReplyTarget): Verdict {
  const { id, number, channel, lastThreadChannel } = target.ticket;
  const violations: Violation[] = [];
  // R-REPLY-3: the reply goes out by e-mail, so there must be an address to send to.
  if (target.contactEmail === null || target.contactEmail.trim() === '') {
    violations.push(refusal('R-REPLY-3', 'reply.noEmail', { number }, id));
  }
  if (target.contactSpam) {
    violations.push(refusal('R-BULK-12', 'reply.spamContact', { number, email: target.contactEmail ?? '' }, id));
  }
  // R-REPLY-4
  const refused = channelRefusal(number, id, channel, lastThreadChannel);
  if (refused !== null) violations.push(refused);
  return verdictOf(violations);
}

export interface BulkReplyCheck {
  /** Whether the bulk reply may start at all. */
  request: Verdict;
  /** R-REPLY-7: only these tickets are sent. */
  eligible: number[];
  /** R-REPLY-7: shown to the agent before sending, each with its reasons. */
  ineligible: { ticketId: number; violations: Violation[] }[];
}

/** Everything the agent must see before a bulk reply is sent (R-REPLY-1, 3, 4, 6, 7, R-PERM-3). */
export function checkBulkReply(input: { targets: ReplyTarget[]; viewKind: ViewKind | null; access: AgentAccess }): BulkReplyCheck {
  const targets = uniqueTargets(input.targets);
  const departmentIds = [...new Set(targets.map((t) => t.ticket.departmentId))];
  const request = allOf(checkReplyCount(targets.length), checkOneDepartment(input.viewKind, departmentIds), ...departmentIds.map((d) => checkBulkReplyPermission(input.access, d)));
  const eligible: number[] = [];
  const ineligible: BulkReplyCheck['ineligible'] = [];
  for (const target of targets) {
    const verdict = replyEligibility(target);
    if (verdict.ok) eligible.push(target.ticket.id);
    else ineligible.push({ ticketId: target.ticket.id, violations: verdict.violations });
  }
  return { request, eligible, ineligible };
}

/** A ticket selected twice is still one recipient and counts once against the limit. */
function uniqueTargets(targets: ReplyTarget[]): ReplyTarget[] {
  const byId = new Map<number, ReplyTarget>();
  for (const t of targets) if (!byId.has(t.ticket.id)) byId.set(t.ticket.id, t);
  return [...byId.values()];
}

/** R-REPLY-1 */
export function checkReplyCount(count: number): Verdict {
  if (count === 0) return violation('R-REPLY-1', 'reply.selectOne', {});
  if (count > MAX_BULK_REPLY) {
    return violation('R-REPLY-1', 'reply.tooMany', { count, max: MAX_BULK_REPLY, fewer: count - MAX_BULK_REPLY });
  }
  return OK;
}

/** R-REPLY-6 */
function checkOneDepartment(viewKind: ViewKind | null, departmentIds: number[]): Verdict {
  if (viewKind === 'all_departments') {
    return violation('R-REPLY-6', 'reply.allDepartments', {});
  }
  if (departmentIds.length > 1) {
    return violation('R-REPLY-6', 'reply.departments', { count: departmentIds.length, departments: list(departmentIds) });
  }
  return OK;
}

/** R-PERM-3: bulk reply is admin-only unless an admin granted it, so say who can fix it. */
function checkBulkReplyPermission(access: AgentAccess, departmentId: number): Verdict {
  if (hasPermission(access, 'ticket.bulk_reply', departmentId)) return OK;
  return violation('R-PERM-3', 'reply.needsBulkReply', { department: departmentLabel(access, departmentId) });
}

/**
 * R-REPLY-5: the contact gets the reply, and so does everyone the ticket copies, once each — except
 * the copies the agent left out of this one reply (R-CC-7; they stay on the ticket).
 */
export function replyRecipients(input: { contactEmail: string; secondaryContactEmails: string[]; ccAddresses: string[]; omit?: string[] }): {
  to: string[];
  cc: string[];
} {
  const to = input.contactEmail.trim();
  return { to: [to], cc: uniqueAddresses([...input.secondaryContactEmails, ...input.ccAddresses], [to, ...(input.omit ?? [])]) };
}
