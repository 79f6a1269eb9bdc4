import type { Violation } from '../schemas/error';
import type { Channel, Ticket } from '../schemas/ticket';
import type { ViewKind } from '../schemas/view';
import { uniqueAddresses } from './address';
import { departmentLabel, hasPermission } from './permissions';
import type { AgentAccess } from './permissions';
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

const ELIGIBLE_LIST = 'bulk reply only goes to email, web and phone tickets (and social tickets whose last message was e-mail)';

/** R-REPLY-4: why a channel cannot take a bulk reply, or null when it can. */
function channelRefusal(ref: string, channel: Channel, lastThreadChannel: Channel | null): string | null {
  switch (channel) {
    case 'email':
    case 'web':
    case 'phone':
      return null;
    case 'social':
      if (lastThreadChannel === 'email') return null;
      return `${ref} is a social ticket ${lastThreadChannel === null ? 'with no known last message' : `whose last message came by ${lastThreadChannel}`}; ${ELIGIBLE_LIST}. Reply to it from its own channel.`;
    case 'chat':
    case 'forum':
    case 'im':
      return `${ref} is a ${channel} ticket; ${ELIGIBLE_LIST}. Reply to it from its own channel.`;
  }
}

/** Whether one ticket can receive a bulk reply; every reason is reported, not just the first. */
export function replyEligibility(target: ReplyTarget): Verdict {
  const { id, number, channel, lastThreadChannel } = target.ticket;
  const ref = `#${number}`;
  const violations: Violation[] = [];
  // R-REPLY-3: the reply goes out by e-mail, so there must be an address to send to.
  if (target.contactEmail === null || target.contactEmail.trim() === '') {
    violations.push({
      rule: 'R-REPLY-3',
      message: `${ref} has no contact e-mail address, and bulk reply sends by e-mail. Add an e-mail address to its contact, or leave the ticket out.`,
      ticketId: id,
    });
  }
  if (target.contactSpam) {
    violations.push({
      rule: 'R-BULK-12',
      message: `${ref}'s contact ${target.contactEmail ?? ''} is marked spam, and a bulk reply never goes to a spam sender. Leave the ticket out, or unmark the contact as spam first.`,
      ticketId: id,
    });
  }
  // R-REPLY-4
  const refusal = channelRefusal(ref, channel, lastThreadChannel);
  if (refusal !== null) violations.push({ rule: 'R-REPLY-4', message: refusal, ticketId: id });
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
  if (count === 0) return violation('R-REPLY-1', 'Select at least one ticket to reply to.');
  if (count > MAX_BULK_REPLY) {
    return violation('R-REPLY-1', `You selected ${count} tickets; one bulk reply goes to at most ${MAX_BULK_REPLY}. Select ${count - MAX_BULK_REPLY} fewer.`);
  }
  return OK;
}

/** R-REPLY-6 */
function checkOneDepartment(viewKind: ViewKind | null, departmentIds: number[]): Verdict {
  if (viewKind === 'all_departments') {
    return violation('R-REPLY-6', "Bulk reply is not available in the all-departments view; open one department's view.");
  }
  if (departmentIds.length > 1) {
    return violation(
      'R-REPLY-6',
      `The selected tickets are in ${departmentIds.length} departments (${departmentIds.join(', ')}); one bulk reply goes to tickets of one department. Select tickets of one department only.`,
    );
  }
  return OK;
}

/** R-PERM-3: bulk reply is admin-only unless an admin granted it, so say who can fix it. */
function checkBulkReplyPermission(access: AgentAccess, departmentId: number): Verdict {
  if (hasPermission(access, 'ticket.bulk_reply', departmentId)) return OK;
  return violation(
    'R-PERM-3',
    `You need the permission ticket.bulk_reply in department ${departmentLabel(access, departmentId)}. Only admins have it by default; ask an admin to grant bulk reply to your role.`,
  );
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
