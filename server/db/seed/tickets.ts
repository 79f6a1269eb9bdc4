import type { Channel, Priority, TicketStatus } from '../../../core/schemas/ticket';
import type { tickets, ticketWebmailThreads } from '../schema';
import { buildComments, buildThreads, gmailThreadId, MessageIds, outlookConversationId, type SeedComment, type Desk, type Speaker, type SeedThread } from './conversation';
import { domainOf, isReachable, type ContactSeed, type DepartmentName } from './people';
import { DAY, HOUR, MINUTE, wholeSecond, type Rng } from './random';
import { SPAM_BODY, SPAM_SUBJECTS, TOPICS, type Topic } from './topics';

/** The ticket population: every channel, status and edge case an agent demo or a rule test needs. */

export const CHANNELS: readonly Channel[] = ['email', 'web', 'chat', 'phone', 'social', 'forum', 'im'];
export const STATUSES: readonly TicketStatus[] = ['open', 'on_hold', 'waiting_on_customer', 'escalated', 'closed'];
const PRIORITIES: readonly Priority[] = ['low', 'medium', 'high', 'urgent'];
const DEPARTMENT_NAMES: readonly DepartmentName[] = ['Support', 'Billing', 'Returns'];
/** The "Refund approval" blueprint's states; a ticket under it must sit in one of them. */
const BLUEPRINT_STATUSES: readonly TicketStatus[] = ['open', 'escalated', 'waiting_on_customer', 'closed'];

export type SeedTicket = Omit<typeof tickets.$inferInsert, 'id' | 'number'>;
export type SeedWebmailThread = Omit<typeof ticketWebmailThreads.$inferInsert, 'ticketId'>;
export interface TicketPlan {
  ticket: SeedTicket;
  threads: SeedThread[];
  comments: SeedComment[];
  webmail: SeedWebmailThread[];
}

export interface SeedDepartment extends Desk {
  id: number;
  name: DepartmentName;
  ccEnabled: boolean;
  members: Speaker[];
  teamId: number | null;
}
export interface SeedContact extends ContactSeed {
  id: number;
}
export interface TicketContext {
  now: Date;
  departments: SeedDepartment[];
  contacts: SeedContact[];
  refundBlueprintId: number;
}

interface Slot {
  department: DepartmentName;
  channel?: Channel;
  status?: TicketStatus;
  priority?: Priority;
  contact?: 'spam' | 'deleted' | 'anonymous';
  blueprint?: boolean;
  trashed?: boolean;
  lastChannel?: Channel;
}

/**
 * Fixed slots first so coverage never depends on luck (7 channels × 5 statuses in the first 35,
 * by the Chinese remainder theorem), then weighted random tickets up to the total.
 */
function slots(rng: Rng, total: number): Slot[] {
  const out: Slot[] = [];
  for (let i = 0; i < 35; i++) {
    out.push({ department: DEPARTMENT_NAMES[i % 3]!, channel: CHANNELS[i % 7]!, status: STATUSES[i % 5]!, priority: PRIORITIES[i % 4]! });
  }
  for (let i = 0; i < 10; i++) {
    out.push({ department: 'Billing', channel: i % 3 === 0 ? 'web' : 'email', status: BLUEPRINT_STATUSES[i % 4]!, blueprint: true });
  }
  for (let i = 0; i < 4; i++) {
    out.push({ department: i % 2 ? 'Billing' : 'Support', channel: i < 3 ? 'email' : 'web', status: 'open', priority: 'low', contact: 'spam' });
  }
  const anonymousChannels: Channel[] = ['chat', 'web', 'chat', 'im'];
  anonymousChannels.forEach((channel, i) => out.push({ department: i % 2 ? 'Returns' : 'Support', channel, contact: 'anonymous' }));
  for (let i = 0; i < 3; i++) out.push({ department: DEPARTMENT_NAMES[i]!, channel: 'email', status: 'closed', contact: 'deleted' });
  for (let i = 0; i < 6; i++) out.push({ department: DEPARTMENT_NAMES[i % 3]!, trashed: true });
  // R-REPLY-4 turns on the last thread of social tickets, so both kinds must exist.
  for (let i = 0; i < 6; i++) out.push({ department: DEPARTMENT_NAMES[i % 3]!, channel: 'social', lastChannel: i % 2 ? 'social' : 'email' });
  while (out.length < total) {
    out.push({
      department: rng.weighted<DepartmentName>([
        ['Support', 45],
        ['Billing', 30],
        ['Returns', 25],
      ]),
    });
  }
  return out;
}

const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['email', 45],
  ['web', 15],
  ['chat', 10],
  ['phone', 8],
  ['social', 10],
  ['forum', 5],
  ['im', 7],
];
const STATUS_WEIGHTS: readonly (readonly [TicketStatus, number])[] = [
  ['open', 30],
  ['on_hold', 8],
  ['waiting_on_customer', 15],
  ['escalated', 7],
  ['closed', 40],
];
const PRIORITY_WEIGHTS: readonly (readonly [Priority, number])[] = [
  ['low', 25],
  ['medium', 45],
  ['high', 22],
  ['urgent', 8],
];

/** Open tickets are recent, closed ones can be up to two months old: what a real queue looks like. */
const MAX_AGE_DAYS: Record<TicketStatus, number> = { open: 10, on_hold: 25, waiting_on_customer: 20, escalated: 15, closed: 60 };

/** How many messages a ticket in this status has had; waiting on the customer means we spoke last. */
function threadCount(rng: Rng, status: TicketStatus): number {
  switch (status) {
    case 'open':
      return rng.pick([1, 1, 1, 3]);
    case 'on_hold':
      return rng.int(2, 3);
    case 'waiting_on_customer':
      return rng.pick([2, 4]);
    case 'escalated':
      return rng.int(1, 3);
    case 'closed':
      return rng.int(2, 4);
  }
}

export function planTickets(rng: Rng, ctx: TicketContext, total = 320): TicketPlan[] {
  const ids = new MessageIds(rng);
  const webmailIds = new Set<string>();
  const byKind = {
    spam: ctx.contacts.filter((c) => c.spam),
    deleted: ctx.contacts.filter((c) => c.deleted),
    anonymous: ctx.contacts.filter((c) => c.anonymous),
    regular: ctx.contacts.filter(isReachable),
  };
  let ccTickets = 0;
  return slots(rng, total).map((slot, index) => {
    const dept = ctx.departments.find((d) => d.name === slot.department)!;
    const contact = rng.pick(byKind[slot.contact ?? 'regular']);
    const isSpam = slot.contact === 'spam';
    const status = slot.status ?? (isSpam ? 'open' : rng.weighted(STATUS_WEIGHTS));
    const channel = slot.channel ?? rng.weighted(CHANNEL_WEIGHTS);
    const topic = pickTopic(rng, dept.name, contact, slot.blueprint === true);
    const priority = slot.priority ?? (topic.category === 'Outage' ? 'urgent' : rng.weighted(PRIORITY_WEIGHTS));
    const lastChannel = channel !== 'social' ? channel : (slot.lastChannel ?? rng.pick<Channel>(['social', 'email']));
    // A social conversation moved to e-mail needs at least the social start and the e-mail.
    const count = isSpam ? 1 : Math.max(threadCount(rng, status), lastChannel !== channel ? 2 : 1);
    const minAge = count * 3 * HOUR;
    const age = slot.contact === 'deleted' ? rng.int(30 * DAY, 60 * DAY) : rng.int(minAge, Math.max(minAge, MAX_AGE_DAYS[status] * DAY));
    const createdAt = new Date(wholeSecond(ctx.now.getTime() - age));
    const latest = new Date(ctx.now.getTime() - 5 * MINUTE);

    const assignee = isSpam ? { agentId: null, teamId: null } : pickAssignee(rng, dept, status);
    const speaker = dept.members.find((m) => m.id === assignee.agentId) ?? rng.pick(dept.members);
    const cc =
      dept.ccEnabled && !isSpam && ['email', 'web'].includes(channel) && isReachable(contact) && rng.chance(0.15)
        ? pickCc(rng, contact, byKind.regular, ++ccTickets === 3)
        : { secondary: [] as SeedContact[], addresses: [] as string[] };
    const ccEmails = [...cc.secondary.map((c) => c.email!), ...cc.addresses];
    const subject = isSpam ? rng.pick(SPAM_SUBJECTS) : topic.subject;
    const threads = buildThreads({
      rng,
      ids,
      channel,
      lastChannel,
      count,
      subject,
      contact,
      agent: speaker,
      desk: dept,
      cc: ccEmails,
      topic: isSpam ? { ask: SPAM_BODY, answer: '' } : topic,
      closed: status === 'closed',
      start: createdAt,
      end: new Date(Math.min(latest.getTime(), createdAt.getTime() + 6 * DAY)),
    });
    const lastThreadAt = threads.at(-1)!.createdAt!;
    const commentCount = isSpam ? 0 : status === 'escalated' ? rng.int(1, 2) : rng.chance(0.3) ? 1 : 0;
    // Notes are written while the conversation is active, not weeks after it ended.
    const commentsEnd = new Date(Math.min(latest.getTime(), lastThreadAt.getTime() + DAY));
    const comments = buildComments(rng, speaker, contact.lang, createdAt, commentsEnd, commentCount);
    const lastActivity = Math.max(lastThreadAt.getTime(), ...comments.map((c) => c.createdAt!.getTime()));
    // The last status change or field edit follows the last message by up to two hours, never past "now".
    const updatedAt = new Date(wholeSecond(lastActivity + rng.int(0, Math.max(0, Math.min(2 * HOUR, latest.getTime() - lastActivity)))));
    const trashedAt = slot.trashed ? updatedAt : null;

    const ticket: SeedTicket = {
      departmentId: dept.id,
      channel,
      contactId: contact.id,
      secondaryContactIds: cc.secondary.map((c) => c.id),
      ccAddresses: cc.addresses,
      subject,
      status,
      priority,
      assigneeAgentId: assignee.agentId,
      assigneeTeamId: assignee.teamId,
      account: contact.account,
      product: !isSpam && topic.product && rng.chance(0.75) ? topic.product : null,
      category: !isSpam && rng.chance(0.85) ? topic.category : null,
      tags: isSpam ? [] : tagsFor(rng, topic, contact, slot.blueprint === true),
      resolution: status === 'closed' && !isSpam && rng.chance(0.5) ? topic.resolution : null,
      blueprintId: slot.blueprint ? ctx.refundBlueprintId : null,
      customFields: dept.name === 'Returns' ? { orderNumber: `DM-${200000 + index * 37}` } : {},
      lastThreadChannel: threads.at(-1)!.channel,
      spam: isSpam,
      trashedAt,
      createdAt,
      updatedAt,
      firstResponseAt: threads.find((t) => t.direction === 'out')?.createdAt ?? null,
      onHoldSince: status === 'on_hold' ? lastThreadAt : null,
      closedAt: status === 'closed' ? updatedAt : null,
    };
    const webmail = channel === 'email' && dept.name === 'Support' && !isSpam ? pickWebmail(rng, webmailIds) : [];
    return { ticket, threads, comments, webmail };
  });
}

function pickTopic(rng: Rng, department: DepartmentName, contact: ContactSeed, refund: boolean): Topic {
  const all = TOPICS[department].filter((t) => !refund || t.refund);
  const japanese = all.filter((t) => t.lang === 'ja');
  // Japanese-script customers mostly write in Japanese; everyone else in English.
  if (contact.lang === 'ja' && japanese.length > 0 && rng.chance(0.75)) return rng.pick(japanese);
  return rng.pick(all.filter((t) => t.lang === 'en'));
}

function pickAssignee(rng: Rng, dept: SeedDepartment, status: TicketStatus): { agentId: number | null; teamId: number | null } {
  const roll = rng.next();
  const unassignedShare = status === 'open' ? 0.35 : 0.1;
  if (roll < unassignedShare) return { agentId: null, teamId: null };
  const teamShare = status === 'escalated' ? 0.6 : 0.2;
  if (dept.teamId !== null && roll < unassignedShare + (1 - unassignedShare) * teamShare) return { agentId: null, teamId: dept.teamId };
  return { agentId: rng.pick(dept.members).id, teamId: null };
}

function tagsFor(rng: Rng, topic: Topic, contact: ContactSeed, blueprint: boolean): string[] {
  const tags = [...topic.tags];
  if (contact.account && rng.chance(0.3)) tags.push('vip');
  if (rng.chance(0.1)) tags.push('follow-up');
  if (blueprint) tags.push('refund-approval');
  return [...new Set(tags)];
}

/**
 * Colleagues of the same account are the usual CCs, plus a typed team mailbox. One ticket gets
 * exactly 20 (R-CC-2's limit) so the demo shows the full case.
 */
function pickCc(rng: Rng, contact: SeedContact, regular: SeedContact[], full: boolean) {
  const others = regular.filter((c) => c.id !== contact.id);
  const colleagues = others.filter((c) => contact.account !== null && c.account === contact.account);
  const secondary = full ? rng.sample(others, 14) : rng.sample(colleagues.length ? colleagues : others, rng.int(1, 2));
  const domain = domainOf(contact.email!);
  const mailboxes = ['it-support', 'manager', 'accounts', 'operations', 'purchasing', 'helpdesk'].map((m) => `${m}@${domain}`);
  const addresses = full ? mailboxes : rng.sample(mailboxes, rng.int(0, 2));
  return { secondary, addresses };
}

/** Support's e-mail tickets are mostly linked to the Gmail or Outlook conversation they came from. */
function pickWebmail(rng: Rng, used: Set<string>): SeedWebmailThread[] {
  const roll = rng.next();
  if (roll >= 0.48) return [];
  const provider = roll < 0.4 ? 'gmail' : 'outlook';
  for (;;) {
    const threadId = provider === 'gmail' ? gmailThreadId(rng) : outlookConversationId(rng);
    if (used.has(threadId)) continue;
    used.add(threadId);
    return [{ provider, mailbox: 'support@demo.example', threadId }];
  }
}
